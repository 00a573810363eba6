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

    [Fact]
    public async Task Owner_OpensExceptionsFromHome_FollowsTheCustomerOnCreditHoldToItsPage()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "exceptions to look at" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/exceptions$"));
        // The demo partner's Adatum is on credit hold with a seat increase waiting: the one item to look at.
        await Assertions.Expect(page.Locator("#open-count")).ToHaveTextAsync("1 item needs a person.");
        var waiting = page.Locator("#provisioning tbody tr");
        await Assertions.Expect(waiting.Locator("td")).ToHaveTextAsync(["Adatum Corporation", "1", "on credit hold: sent when the hold is lifted"]);
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Adatum Corporation" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Adatum Corporation");
    }
}
