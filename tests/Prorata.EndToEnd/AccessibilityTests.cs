using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Prorata.EndToEnd;

/// <summary>
/// The main staff pages checked by axe-core inside Chromium, on the demo data, against WCAG 2.1 A and AA: no serious or
/// critical violation. Each violation is named with its rule and the elements it found, so a failure says what to fix.
/// </summary>
public sealed class AccessibilityTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task MainPages_HaveNoSeriousOrCriticalAxeViolations()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/customers");
        var customer = await page.Locator("#customers tbody a").First.GetAttributeAsync("href");
        await page.GotoAsync("/subscriptions");
        var subscription = await page.Locator("#subscriptions tbody a[href^='/subscriptions/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/invoices");
        var invoice = await page.Locator("#invoices tbody a[href^='/invoices/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/contracts");
        var contract = await page.Locator("#contracts tbody a").First.GetAttributeAsync("href");
        string[] paths = ["/", "/customers", customer!, "/contracts", contract!, "/subscriptions", subscription!, "/invoices", invoice!, "/payments", "/receivables",
            "/catalog", "/billing", "/reconciliation", "/exceptions", "/approvals", "/insight/mrr", "/insight/gross-profit", "/insight/renewals", "/insight/deferred-revenue",
            "/commissions", "/search?q=a", "/legal-entities", "/tax-rates", "/partner-center", "/simulations", "/settings", "/settings/api-keys", "/settings/webhooks",
            "/no-such-page"];
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe(options);
            found.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
        }

        Assert.Empty(found);
    }
}
