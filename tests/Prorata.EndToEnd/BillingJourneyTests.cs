using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>A finance team's month in the browser, on the demo partner's year of history.</summary>
public sealed class BillingJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_ImportsAPriceList_SeesAffectedSubscriptions_RunsBilling_OpensAnInvoiceAndItsPdf()
    {
        var page = await app.SignedInPageAsync();

        // Microsoft raises Business Premium (P1Y billed monthly, USD): Contoso's running subscription is affected.
        await page.GotoAsync("/catalog");
        var csv = "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,Tags,ERP Price\n"
            + "Microsoft 365 Business Premium,CFQ7TTC0LCHC,0002,Business Premium,Microsoft,P1Y,Monthly,US,USD,320.00,2026-12-01T00:00:00Z,,License,384.00\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "nce-pricelist-december.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        // One offer against the demo's full list: a partial list, which the import holds until confirmed.
        await page.CheckAsync("#confirmWarnings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/catalog/price-lists/"));
        var repriced = page.Locator("#price-changes tr", new PageLocatorOptions { HasText = "repriced" });
        Assert.Contains("Contoso Ltd", await repriced.First.InnerTextAsync());

        // Bill the next first of the month: Contoso and Fabrikam are due.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var date = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM-dd");
        await page.GotoAsync("/billing");
        await page.FillAsync("#date", date);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run billing" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/billing/runs/"));
        await Assertions.Expect(page.Locator("#run-state")).ToContainTextAsync("Finished", new() { Timeout = 30_000 });
        Assert.Contains("2 invoices written", await page.Locator("#run-state").InnerTextAsync());

        // The run's page lists what it wrote, with the totals per currency.
        await Assertions.Expect(page.Locator("#run-invoices tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#run-totals tbody tr").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"every invoice of {date}" }).ClickAsync();
        await page.Locator("#invoices tbody tr a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/invoices/"));
        Assert.Equal("issued", (await page.Locator("#invoice-status").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#invoice-lines tbody tr").CountAsync() > 2);

        var pdfUrl = await page.Locator("#pdf-link").GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(app.BaseUrl + pdfUrl);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
    }
}
