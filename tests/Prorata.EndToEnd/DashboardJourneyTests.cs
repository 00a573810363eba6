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
