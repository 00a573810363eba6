using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>Issue 11 in the browser: a legal entity and a tax rate kept through their pages, and an issued invoice's tax and e-invoice.</summary>
public sealed class InvoicingSetupJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_AddsALegalEntity_AVatNumberOfTheWrongShapeIsNamedThenTheEntityCanIssue()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/legal-entities/new");
        await page.FillAsync("#name", "Northwind Cloud Services SARL");
        await page.FillAsync("#address-Line1", "10 Rue de la Paix");
        await page.FillAsync("#address-PostalCode", "75002");
        await page.FillAsync("#address-City", "Paris");
        await page.FillAsync("#address-Country", "fr");
        await page.FillAsync("#taxId", "FR1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var message = page.Locator("#taxId ~ .validation-message");
        await Assertions.Expect(message).ToContainTextAsync("taxId must be a VAT number of FR");
        await page.FillAsync("#taxId", "FR40303265045");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/legal-entities/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#entity-address")).ToHaveTextAsync("10 Rue de la Paix, 75002 Paris, FR");
        Assert.Equal(0, await page.Locator("#cannot-issue").CountAsync());
        await page.GotoAsync("/legal-entities");
        var row = page.Locator("#legal-entities tr", new PageLocatorOptions { HasText = "Northwind Cloud Services SARL" });
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(["Northwind Cloud Services SARL", "FR", "FR40303265045", "EUR", "INV-000001 · CN-000001", "builtIn", "Yes"]);
    }

    [Fact]
    public async Task Owner_AddsATaxRate_ARateAbove100IsNamedThenTheRateIsListed()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/tax-rates");
        await page.FillAsync("#country", "AT");
        await page.FillAsync("#rate", "150");
        await page.FillAsync("#name", "USt");
        await page.FillAsync("#effectiveFrom", "2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rate" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rate ~ .validation-message")).ToHaveTextAsync("rate must be between 0 and 100; got 150.");
        await page.FillAsync("#rate", "20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rate" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tax-rates\\?message="));
        var row = page.Locator("#tax-rates tr", new PageLocatorOptions { HasText = "AT" });
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("20 %");
    }

    [Fact]
    public async Task Owner_OpensADemoInvoiceOfTheGermanEntity_SeesItsTaxAndItsEInvoice()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/invoices?status=issued");
        await page.Locator("table.grid tr", new PageLocatorOptions { HasText = "Contoso Europe GmbH", HasNotText = "credit note" }).First.Locator("a").First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/invoices/[0-9a-f-]{36}$"));
        // A German customer of the German entity: USt at 19 % (standard), tax per line.
        await Assertions.Expect(page.Locator("#invoice-tax")).ToContainTextAsync("(standard)");
        await Assertions.Expect(page.Locator("#invoice-lines td[title='USt']").First).ToContainTextAsync("(19 %)");
        var ubl = await page.RunAndWaitForDownloadAsync(() => page.Locator("#ubl-link").ClickAsync());
        Assert.EndsWith(".xml", ubl.SuggestedFilename, StringComparison.Ordinal);
    }
}
