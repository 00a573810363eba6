using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>Finding things in Chromium on the demo data: the search box on every page, and a list's words, sort and pages.</summary>
public sealed class SearchJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Owner_TypesACustomerAndAnInvoiceNumberInTheSearchBox_AndOpensWhatItFound()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/invoices?status=issued&sort=-number");
        var number = (await page.Locator("#invoices tbody tr td a").First.TextContentAsync())!.Trim();
        await page.GotoAsync("/customers");
        var customer = (await page.Locator("#customers tbody tr td a").First.TextContentAsync())!.Trim();

        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search customers, tenants, subscriptions and invoice numbers" });
        await box.FillAsync(customer);
        await box.PressAsync("Enter");
        await page.Locator("#search-customer").GetByRole(AriaRole.Link, new() { Name = customer, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(customer);

        await box.FillAsync(number.ToLowerInvariant());
        await box.PressAsync("Enter");
        await page.Locator("#search-invoice").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
    }

    [Fact]
    public async Task Owner_NarrowsTheSubscriptionsList_SortsBySeats_AndKeepsTheWordsWhileSorting()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/subscriptions");
        var all = await page.Locator("#subscriptions tbody tr").CountAsync();
        var title = (await page.Locator("#subscriptions tbody tr td a").First.TextContentAsync())!.Trim();

        await page.GetByLabel("Title, customer or id").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        // The address changes when the new page commits; its rows are there once that page has loaded. (WaitForURLAsync
        // can miss a load that arrives between its two checks: microsoft/playwright-dotnet#3364.)
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]q="));
        await page.WaitForLoadStateAsync(LoadState.Load);
        var matching = await page.Locator("#subscriptions tbody tr").CountAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Seats" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=-seats"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToHaveTextAsync("Seats ▼");

        Assert.InRange(matching, 1, all);
        Assert.All(await page.Locator("#subscriptions tbody tr td:first-child").AllTextContentsAsync(), t => Assert.Contains(title, t));
        var seats = (await page.Locator("#subscriptions tbody tr td:nth-child(4)").AllTextContentsAsync()).Select(s => int.Parse(s.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(seats.OrderByDescending(s => s), seats);
        await Assertions.Expect(page.GetByLabel("Title, customer or id")).ToHaveValueAsync(title);
    }
}
