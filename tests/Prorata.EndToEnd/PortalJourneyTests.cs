using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prorata.Application.Portal;
using Prorata.Data;
using Prorata.Data.Invoices;

namespace Prorata.EndToEnd;

/// <summary>
/// Issue 14, the customer's main journeys in Chromium on the demo partner: Contoso's IT admin is invited by staff, joins
/// from the link, adds seats after seeing the charge, is refused a reduction past its window with the reason and the day it
/// becomes possible, buys from the catalog staff curated, pays an invoice through Stripe's hosted page (the simulator's)
/// and downloads it.
/// </summary>
public sealed class PortalJourneyTests(StripeLiveApp stripe) : IClassFixture<StripeLiveApp>
{
    [Fact]
    public async Task ContosoAdmin_JoinsAddsSeatsIsRefusedAReductionBuysPaysAndDownloads()
    {
        var app = stripe.App;
        var (customerId, link) = await InviteAsync(app, "it-admin@contoso.example");
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseUrl });

        // Joining from the invitation e-mail's link.
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to the Contoso Ltd portal");
        await page.FillAsync("#displayName", "Irene IT");
        await page.FillAsync("#password", "contoso portal passphrase");
        await page.FillAsync("#confirm", "contoso portal passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-success")).ToHaveTextAsync("Welcome: you have joined the portal.");
        await Assertions.Expect(page.Locator("#portal-customer")).ToHaveTextAsync("Contoso Ltd");
        await Assertions.Expect(page.Locator("#portal-subscriptions")).ToContainTextAsync("Microsoft 365 Business Premium");
        await Assertions.Expect(page.Locator("#portal-subscriptions")).Not.ToContainTextAsync("Contoso Europe");

        // Adding seats: the charge first, then the confirmation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Microsoft 365 Business Premium" }).ClickAsync();
        await Assertions.Expect(page.Locator("#seats")).ToHaveTextAsync("30");
        await page.FillAsync("#quantity", "32");
        await page.Locator("#change-seats").GetByRole(AriaRole.Button, new() { Name = "See the charge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Before you confirm: seats 30 → 32");
        await Assertions.Expect(page.Locator("#preview-summary")).ToContainTextAsync(new Regex(@"This adds [\d,.]+ USD to your invoice of"));
        await page.CheckAsync("#confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-success")).ToHaveTextAsync("Done: the subscription has 32 seat(s) now.");
        await Assertions.Expect(page.Locator("#seats")).ToHaveTextAsync("32");

        // Fewer seats than were bought months ago: refused, with the reason and the day it becomes possible.
        await page.FillAsync("#quantity", "20");
        await page.Locator("#change-seats").GetByRole(AriaRole.Button, new() { Name = "See the charge" }).ClickAsync();
        await Assertions.Expect(page.Locator("#refusal")).ToContainTextAsync("Seats can be removed only within 168 hours of being added");
        await Assertions.Expect(page.Locator("#refusal")).ToContainTextAsync("only 2 seat(s) can still be removed");
        await Assertions.Expect(page.Locator("#possible-from")).ToContainTextAsync("Possible from");
        await Assertions.Expect(page.Locator("#confirm-change")).ToHaveCountAsync(0);

        // Buying what the partner offers, at the contract's price.
        await page.GetByRole(AriaRole.Link, new() { Name = "Buy" }).ClickAsync();
        var basic = page.Locator("#portal-offers tr", new() { HasText = "Microsoft 365 Business Basic" });
        await basic.GetByRole(AriaRole.Spinbutton).FillAsync("3");
        await basic.GetByRole(AriaRole.Button, new() { Name = "See the charge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Before you buy: 3 × Microsoft 365 Business Basic");
        await page.CheckAsync("#confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-success")).ToHaveTextAsync("Bought 3 × Microsoft 365 Business Basic.");

        // Paying an open invoice: no method yet, so Stripe's hosted page first, then back to the paid invoice.
        var (invoiceId, number) = await OpenInvoiceAsync(app, customerId);
        await page.GotoAsync("/portal/invoices");
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToHaveTextAsync("Add a payment method first; you come back here to pay.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and pay the invoice" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Stripe" }).ClickAsync();
        await page.FillAsync("#cardNumber", "4242 4242 4242 4242");
        await page.FillAsync("#cardExpiry", "12/34");
        await page.FillAsync("#cardCvc", "123");
        await page.FillAsync("#billingName", "Contoso Accounts Payable");
        await page.ClickAsync("#submitCard");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(app.BaseUrl)}/portal/invoices/{invoiceId}"));
        await Assertions.Expect(page.Locator(".form-success")).ToHaveTextAsync($"Visa •••• 4242, 12/2034 is saved. Paid {number}: thank you.");
        await Assertions.Expect(page.Locator("#owed")).ToHaveTextAsync("0.00 USD");

        // Downloading it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#pdf").ClickAsync());
        Assert.Equal($"{number}.pdf", download.SuggestedFilename);
    }

    /// <summary>The portal's pages checked by axe-core like the staff pages (WCAG 2.1 A and AA, no serious or critical violation), on a phone-sized screen too.</summary>
    [Fact]
    public async Task PortalPages_HaveNoSeriousOrCriticalAxeViolations()
    {
        var app = stripe.App;
        var (_, link) = await InviteAsync(app, "axe@contoso.example");
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync("/portal/signin");
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
        var found = Serious("/portal/signin", await page.RunAxe(options));
        await page.GotoAsync(link.PathAndQuery);
        found.AddRange(Serious("/portal/invitation", await page.RunAxe(options)));
        await page.FillAsync("#password", "contoso portal passphrase");
        await page.FillAsync("#confirm", "contoso portal passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-success")).ToBeVisibleAsync();
        var subscription = await page.Locator("#portal-subscriptions tbody a").First.GetAttributeAsync("href");
        await page.GotoAsync("/portal/buy");
        var offer = await page.Locator("#portal-offers form").First.GetAttributeAsync("action");
        await page.GotoAsync("/portal/invoices");
        var invoice = await page.Locator("#portal-invoices tbody a[href^='/portal/invoices/']").First.GetAttributeAsync("href");
        string[] paths = ["/portal", subscription!, $"{subscription}/preview?type=setQuantity&quantity=40", $"{subscription}/preview?type=setQuantity&quantity=1", "/portal/buy",
            $"{offer}?quantity=2", "/portal/requests", "/portal/invoices", invoice!, "/portal/payment-methods", "/portal/usage", "/portal/users", "/portal/account"];

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            found.AddRange(Serious(path, await page.RunAxe(options)));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static List<string> Serious(string path, AxeResult result) =>
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();

    private static async Task<(Guid Customer, Uri Link)> InviteAsync(LiveApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var customerId = await db.Customers.Where(c => c.Name == "Contoso Ltd").Select(c => c.Id).SingleAsync();
        var invited = await scope.ServiceProvider.GetRequiredService<PortalInvitations>()
            .InviteAsync(customerId, email, "admin", LiveApp.OwnerEmail, token => new Uri($"{app.BaseUrl}{PortalInvitations.InvitePath}{token}"), CancellationToken.None);
        return (customerId, invited.Entity!.Link);
    }

    /// <summary>Contoso's newest issued invoice, once the outbox has entered it in the receivables (the worker polls; a minute at most).</summary>
    private static async Task<(Guid Id, string Number)> OpenInvoiceAsync(LiveApp app, Guid customerId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            var open = (await db.InvoiceReceivables.AsNoTracking().Where(r => r.CustomerId == customerId && r.Balance > 0).ToListAsync())
                .OrderByDescending(r => r.InvoiceDate).FirstOrDefault();
            if (open is not null)
            {
                var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == open.InvoiceId && i.Status == InvoiceStatus.Issued);
                return (invoice.Id, invoice.DisplayNumber!);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Contoso has no open invoice after a minute.");
    }
}
