using Microsoft.Playwright;

namespace Prorata.EndToEnd;

/// <summary>
/// The staff app on a phone (390 px wide) and its error pages, in Chromium on the demo data: no page is wider than the
/// screen (wide tables scroll inside themselves), and a mistyped address is a page inside the shell, not JSON.
/// </summary>
public sealed class PhoneAndErrorJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task Owner_OnAPhone_EveryMainPageFitsTheScreen()
    {
        var page = await app.SignedInPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await page.GotoAsync("/customers");
        var customer = await page.Locator("table a[href^='/customers/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/invoices");
        var invoice = await page.Locator("table a[href^='/invoices/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/contracts");
        var contract = await page.Locator("table a[href^='/contracts/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/subscriptions");
        var subscription = await page.Locator("table a[href^='/subscriptions/']").First.GetAttributeAsync("href");
        string[] paths = ["/", "/customers", customer!, "/contracts", contract!, "/subscriptions", subscription!, "/invoices", invoice!, "/receivables", "/insight/mrr",
            "/insight/gross-profit", "/insight/renewals", "/commissions", "/catalog", "/billing", "/reconciliation", "/exceptions", "/simulations"];

        var tooWide = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            // Named with what sticks out (outside the navigation row and the tables, which scroll inside themselves).
            if (width > PhoneWidth) tooWide.Add($"{path}: {width} px, " + await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390 && !e.closest('.nav') && !e.closest('.grid')).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
        }

        Assert.Empty(tooWide);
        // The navigation is still there, as a row above the page.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Invoices" })).ToBeAttachedAsync();
    }

    [Fact]
    public async Task Owner_MistypesAnAddress_SeesAPageInsideTheShellAndGetsBack()
    {
        var page = await app.SignedInPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("#error-heading")).ToHaveTextAsync("Page not found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the start page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/");
    }
}
