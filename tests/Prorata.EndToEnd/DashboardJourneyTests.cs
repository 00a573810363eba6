using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>
/// The home page as a dashboard, in Chromium, on the demo partner's year of history: an MRR chart and a movements chart
/// per currency, drawn on the server as SVG, each with its table, whose figures are the MRR API's for the same twelve
/// month ends.
/// </summary>
public sealed class DashboardJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_OpensHome_SeesMrrChartsWithTheTableOfTheApiFigures()
    {
        var page = await app.SignedInPageAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var api = await page.APIRequest.GetAsync($"/api/v1/metrics/mrr?from={last.AddMonths(-11):yyyy-MM}&to={last:yyyy-MM}");
        var months = JsonDocument.Parse(await api.TextAsync()).RootElement.GetProperty("months").EnumerateArray().ToList();
        Assert.NotEmpty(months);
        var currency = months[0].GetProperty("currency").GetString()!;
        var expected = months.Where(m => m.GetProperty("currency").GetString() == currency)
            .Select(m => new[] { m.GetProperty("month").GetString()!, N2(m, "mrr"), N2(m, "new"), N2(m, "expansion"), N2(m, "contraction"), N2(m, "churn"),
                N2(m, "reactivation"), N2(m, "margin") })
            .ToList();

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator($"#mrr-trend-{currency} svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#mrr-movements-{currency} svg")).ToBeVisibleAsync();
        // One bar per month end that had MRR, drawn with the title that names the currency.
        Assert.Contains($"MRR ({currency})", await page.Locator($"#mrr-trend-{currency} svg").InnerHTMLAsync());
        var rows = page.Locator($"#mrr-table-{currency} tbody tr");
        Assert.Equal(expected.Count, await rows.CountAsync());
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i], (await rows.Nth(i).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());
        Assert.Contains(expected, row => row[1] != "0.00");
    }

    [Fact]
    public async Task Owner_OpensHome_SeesMarginByProductAsTheGrossProfitApiGivesIt()
    {
        var page = await app.SignedInPageAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        var api = await page.APIRequest.GetAsync($"/api/v1/metrics/gross-profit?by=product&from={month.AddMonths(-11):yyyy-MM}&to={month:yyyy-MM}");
        var groups = JsonDocument.Parse(await api.TextAsync()).RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.NotEmpty(groups);
        var currency = groups[0].GetProperty("currency").GetString()!;
        // The ten products that billed most, largest first.
        var expected = groups.Where(g => g.GetProperty("currency").GetString() == currency)
            .OrderByDescending(g => g.GetProperty("amount").GetDecimal()).ThenBy(g => g.GetProperty("name").GetString(), StringComparer.Ordinal).Take(10)
            .Select(g => new[] { g.GetProperty("name").GetString()!, N2(g, "amount"), N2(g, "cost"), N2(g, "grossProfit"),
                g.GetProperty("marginPercent").ValueKind == JsonValueKind.Null ? "" : N2(g, "marginPercent") })
            .ToList();

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator($"#margin-chart-{currency} svg")).ToBeVisibleAsync();
        Assert.Contains($"Cost and gross profit by product ({currency})", await page.Locator($"#margin-chart-{currency} svg").InnerHTMLAsync());
        var rows = page.Locator($"#margin-table-{currency} tbody tr");
        Assert.Equal(expected.Count, await rows.CountAsync());
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i], (await rows.Nth(i).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());
    }

    [Fact]
    public async Task Owner_OpensHome_SeesTheRenewalsOfTheNext30DaysTheApiLists()
    {
        var page = await app.SignedInPageAsync();
        var api = await page.APIRequest.GetAsync("/api/v1/metrics/renewals?within=30");
        var renewals = JsonDocument.Parse(await api.TextAsync()).RootElement.EnumerateArray().ToList();
        var toSchedule = renewals.Count(r => r.GetProperty("suggestion").GetString() == "schedule");

        await page.GotoAsync("/");

        if (renewals.Count == 0)
            await Assertions.Expect(page.GetByText("No subscription renews in the next 30 days.")).ToBeVisibleAsync();
        else
        {
            await Assertions.Expect(page.Locator("#renewals-summary"))
                .ToHaveTextAsync($"{renewals.Count} renewing, {toSchedule} with fewer licenses assigned than seats bought.");
            Assert.Equal(Math.Min(10, renewals.Count), await page.Locator("#renewals-ahead tbody tr").CountAsync());
        }
    }

    private static string N2(JsonElement month, string field) => month.GetProperty(field).GetDecimal().ToString("N2", CultureInfo.InvariantCulture);
}
