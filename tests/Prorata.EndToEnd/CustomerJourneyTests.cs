using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Prorata.EndToEnd;

public sealed class CustomerJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_SignsInAndCreatesACustomer_SeesItInTheList()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/customers/new");
        await page.FillAsync("#name", "Litware Browser Test Inc.");
        await page.SelectOptionAsync("#currency", "EUR");
        await page.FillAsync("#billingEmail", "ap@litware.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers/(?!new$)[^/]+$"));
        await page.GotoAsync("/customers");

        var row = page.Locator("table.grid tr", new PageLocatorOptions { HasText = "Litware Browser Test Inc." });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("EUR", await row.InnerTextAsync());
    }

    [Fact]
    public async Task Owner_SavesACustomerWithoutName_SeesTheRuleNextToTheField()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/customers/new");
        await page.FillAsync("#billingEmail", "ap@nameless.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var message = page.Locator("#name ~ .validation-message");
        Assert.Equal("name is required.", (await message.InnerTextAsync()).Trim());
    }
}
