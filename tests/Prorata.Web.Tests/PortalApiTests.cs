using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Portal;
using Prorata.Data.Outbox;
using Prorata.Data.Portal;
using Prorata.Data.Subscriptions;

namespace Prorata.Web.Tests;

/// <summary>
/// Issue 14, the customer portal through its API and forms: an invited person joins and sees only its customer; seat
/// changes and purchases pass the same engine and the portal's guardrails (NCE windows with the day a change becomes
/// possible, offer limits, approvals, credit hold, confirmation), and land in the change log as Portal changes.
/// </summary>
public abstract class PortalApiTests(InvoiceDeliveryApp app)
{
    [Fact]
    public async Task InvitedPerson_JoinsOnce_SeesOnlyItsCustomer_AndNeitherCookieOpensTheOtherSide()
    {
        var staff = await app.SignedInAsync();
        var mine = await PortalSeed.CustomerAsync(staff, seats: 4);
        var other = await PortalSeed.CustomerAsync(staff, seats: 7);
        var token = await PortalSeed.InviteAsync(app, mine.Id, "ines@contoso.example");
        var bought = app.Time.GetUtcNow();

        var portal = await PortalSeed.JoinAsync(app, token);
        var again = await app.AnonymousClient().GetStringAsync($"/portal/invitation/{token}");
        var subscriptions = await portal.GetFromJsonAsync<JsonElement>("/portal/api/v1/subscriptions");

        Assert.Contains("This invitation cannot be used", again);
        var only = Assert.Single(subscriptions.EnumerateArray());
        var purchaseDay = DateOnly.FromDateTime(bought.UtcDateTime);
        Assert.Equal((mine.SubscriptionId, 4, "Active", true, true, 4),
            (only.GetProperty("id").GetGuid(), only.GetProperty("seats").GetInt32(), only.GetProperty("status").GetString(), only.GetProperty("autoRenew").GetBoolean(),
                only.GetProperty("cancellable").GetBoolean(), only.GetProperty("reducibleSeats").GetInt32()));
        Assert.Equal(($"{purchaseDay:yyyy-MM-dd}", $"{purchaseDay.AddYears(1).AddDays(-1):yyyy-MM-dd}", $"{purchaseDay.AddYears(1):yyyy-MM-dd}"),
            (only.GetProperty("termStart").GetString(), only.GetProperty("termEnd").GetString(), only.GetProperty("renewsOn").GetString()));
        Assert.Equal(bought.AddHours(168), only.GetProperty("cancellableUntil").GetDateTimeOffset());
        Assert.Equal((16.50m, 1, "USD"), (only.GetProperty("pricePerSeat").GetDecimal(), only.GetProperty("cycleMonths").GetInt32(), only.GetProperty("currency").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/portal/api/v1/subscriptions/{other.SubscriptionId}")).StatusCode);
        // The portal cookie is sent only to /portal and opens nothing of staff's; staff's cookie opens nothing of the portal.
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/portal/api/v1/subscriptions")).StatusCode);
        var page = await staff.GetAsync("/portal");
        Assert.Equal((HttpStatusCode.Redirect, "/portal/signin"), (page.StatusCode, page.Headers.Location!.AbsolutePath));
        // The portal API is described for the customer's programs on its own, apart from staff's document.
        var described = JsonDocument.Parse(await app.AnonymousClient().GetStringAsync("/openapi/portal.json")).RootElement.GetProperty("paths");
        Assert.True(described.TryGetProperty("/portal/api/v1/subscriptions/{id}/changes", out _));
        Assert.Equal(14, described.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Count());
        var user = await PortalSeed.ReadAsync(app, db => db.CustomerUsers.AsNoTracking().SingleAsync(u => u.Email == "ines@contoso.example"));
        Assert.Equal((mine.Id, CustomerUserRole.Admin, null, true, "Ines Admin"), (user.CustomerId, user.Role, user.InvitationHash, user.PasswordHash is not null, user.DisplayName));
    }

    [Fact]
    public async Task SeatIncrease_PreviewedThenConfirmed_IsLoggedAsAPortalChangeOfTheUser()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff, billingDay: 1, seats: 4);
        await PortalSeed.OfferAsync(app, customer);
        var email = $"buyer-{Guid.NewGuid():N}@contoso.example";
        var portal = await PortalSeed.JoinAsync(app, await PortalSeed.InviteAsync(app, customer.Id, email));
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var next = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
        var added = Math.Round(33.00m * (next.DayNumber - day.DayNumber) / (next.DayNumber - next.AddMonths(-1).DayNumber), 2, MidpointRounding.AwayFromZero) + 33.00m;

        var preview = await portal.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes/preview", new { type = "setQuantity", quantity = 6 });
        var unconfirmed = await portal.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "setQuantity", quantity = 6 });
        var confirmed = await portal.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "setQuantity", quantity = 6, confirm = true });

        var decision = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, $"{next:yyyy-MM-dd}", added, true), (preview.StatusCode, decision.GetProperty("invoiceDate").GetString(),
            decision.GetProperty("added").GetDecimal(), decision.GetProperty("needsConfirmation").GetBoolean()));
        // The customer sees its prices, never the partner's cost.
        Assert.DoesNotContain("cost", decision.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var refusal = await unconfirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "NotConfirmed", $"This adds {added.ToString("N2", CultureInfo.InvariantCulture)} USD to your next invoice; confirm it to go ahead."),
            (unconfirmed.StatusCode, refusal.GetProperty("code").GetString(), refusal.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var log = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{customer.SubscriptionId}/changes");
        var last = log.EnumerateArray().Last();
        Assert.Equal(("setQuantity", 6, "portal", email), (last.GetProperty("type").GetString(), last.GetProperty("quantity").GetInt32(),
            last.GetProperty("source").GetString(), last.GetProperty("actor").GetString()));
        Assert.Equal(2, log.GetArrayLength());
    }

    [Fact]
    public async Task ReductionAfterItsWindow_IsRefusedWithTheReasonAndTheRenewalDay_AndCanBeSetForTheRenewal()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff, seats: 5);
        var purchaseDay = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var email = $"reducer-{Guid.NewGuid():N}@contoso.example";
        await PortalSeed.JoinAsync(app, await PortalSeed.InviteAsync(app, customer.Id, email));
        app.Time.Advance(TimeSpan.FromDays(8));
        var (portal, _) = await PortalSeed.SignInAsync(app, email);

        var refused = await portal.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "setQuantity", quantity = 2, confirm = true });
        var cancel = await portal.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes/preview", new { type = "cancel" });
        var atRenewal = await portal.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "scheduleRenewal", quantity = 2, confirm = true });

        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var renewal = purchaseDay.AddYears(1);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "SeatReductionWindowClosed", $"{renewal:yyyy-MM-dd}"),
            (refused.StatusCode, problem.GetProperty("code").GetString(), problem.GetProperty("possibleFrom").GetString()));
        Assert.Equal("Seats can be removed only within 168 hours of being added, and that window has closed (only 0 seat(s) can still be removed). "
            + $"You can lower the seats for the renewal on {renewal.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: set the seats at renewal below.",
            problem.GetProperty("detail").GetString());
        var cancelProblem = await cancel.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("CancellationWindowClosed", $"{renewal:yyyy-MM-dd}"), (cancelProblem.GetProperty("code").GetString(), cancelProblem.GetProperty("possibleFrom").GetString()));
        Assert.Equal(HttpStatusCode.OK, atRenewal.StatusCode);
        staff = await app.SignedInAsync();
        Assert.Equal(5, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{customer.SubscriptionId}")).GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Purchases_KeepToTheOffersSeats_AndAboveTheApprovalAmountWaitForStaff_WhoApplyItOnce()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff, seats: 3);
        var offer = await PortalSeed.OfferAsync(app, customer, min: 2, max: 10);
        await PortalSeed.WithAsync(app, s => s.GetRequiredService<PortalCatalog>().SetApprovalAboveAsync(customer.Id, 100m, CancellationToken.None));
        var email = $"orders-{Guid.NewGuid():N}@contoso.example";
        var portal = await PortalSeed.JoinAsync(app, await PortalSeed.InviteAsync(app, customer.Id, email));

        var few = await portal.PostAsJsonAsync($"/portal/api/v1/offers/{offer.Id}/purchase", new { quantity = 1, confirm = true });
        var many = await portal.PostAsJsonAsync($"/portal/api/v1/offers/{offer.Id}/purchase", new { quantity = 11, confirm = true });
        var small = await portal.PostAsJsonAsync($"/portal/api/v1/offers/{offer.Id}/purchase", new { quantity = 2, confirm = true });
        var large = await portal.PostAsJsonAsync($"/portal/api/v1/offers/{offer.Id}/purchase", new { quantity = 9, confirm = true });

        Assert.Equal(("BelowMinimumSeats", "Test Mail needs at least 2 seat(s) in the portal; you asked for 1."), await CodeAndDetailAsync(few));
        Assert.Equal(("AboveMaximumSeats", "Test Mail can have at most 10 seats in the portal; you asked for 11. Ask your partner for more."), await CodeAndDetailAsync(many));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, large.StatusCode);
        var requestId = (await large.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        var request = Assert.Single((await portal.GetFromJsonAsync<JsonElement>("/portal/api/v1/requests")).EnumerateArray());
        Assert.Equal((requestId, "Pending", 9, email), (request.GetProperty("id").GetGuid(), request.GetProperty("state").GetString(), request.GetProperty("quantity").GetInt32(),
            request.GetProperty("requestedBy").GetString()));
        Assert.StartsWith("It adds ", request.GetProperty("reason").GetString());
        Assert.EndsWith(" USD to your next invoice; your partner approves anything above 100.00 USD.", request.GetProperty("reason").GetString());
        Assert.Equal(2, await PortalSeed.ReadAsync(app, db => db.Subscriptions.CountAsync(s => s.ContractId == customer.ContractId)));

        var approved = await PortalSeed.WithAsync(app, s => s.GetRequiredService<PortalApprovals>().ApproveAsync(requestId, "owner@northwind.example", CancellationToken.None));
        var twice = await PortalSeed.WithAsync(app, s => s.GetRequiredService<PortalApprovals>().ApproveAsync(requestId, "finance@northwind.example", CancellationToken.None));

        Assert.Equal(PortalRequestState.Approved, approved.Entity!.State);
        Assert.Equal("The request is approved already (by owner@northwind.example): nothing was changed.", twice.Message);
        var placed = await PortalSeed.ReadAsync(app, db => db.LicenseChangeLog.AsNoTracking().SingleAsync(e => e.SubscriptionId == approved.Entity.ResultSubscriptionId));
        Assert.Equal((9, ChangeSource.Portal, email), (placed.Quantity, placed.Source, placed.Actor));
        Assert.Equal(3, await PortalSeed.ReadAsync(app, db => db.Subscriptions.CountAsync(s => s.ContractId == customer.ContractId)));
        var seen = Assert.Single((await portal.GetFromJsonAsync<JsonElement>("/portal/api/v1/requests")).EnumerateArray());
        Assert.Equal(("Approved", approved.Entity.ResultSubscriptionId), (seen.GetProperty("state").GetString(), seen.GetProperty("subscriptionId").GetGuid()));
    }

    [Fact]
    public async Task AddingSeatsOfAProductNotOffered_IsRefused_AndAReadOnlyUserChangesNothing()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff, seats: 3);
        var admin = await PortalSeed.UserAsync(app, customer.Id);
        var reader = await PortalSeed.UserAsync(app, customer.Id, "readOnly");

        var notOffered = await admin.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "setQuantity", quantity = 4, confirm = true });
        var fewer = await admin.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes/preview", new { type = "setQuantity", quantity = 2 });
        var readOnly = await reader.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "setQuantity", quantity = 2, confirm = true });
        var suspend = await admin.PostAsJsonAsync($"/portal/api/v1/subscriptions/{customer.SubscriptionId}/changes", new { type = "suspend" });

        Assert.Equal(("NotOffered", "Test Mail is not offered to you in the portal, so seats cannot be added here; ask your partner."), await CodeAndDetailAsync(notOffered));
        // Removing seats inside their window needs no offer: it takes money off.
        Assert.Equal(HttpStatusCode.OK, fewer.StatusCode);
        Assert.True((await fewer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetDecimal() < 0);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.Equal(("NotAvailableInPortal", "This change is not available in the portal; ask your partner."), await CodeAndDetailAsync(suspend));
        Assert.Equal(1, await PortalSeed.ReadAsync(app, db => db.LicenseChangeLog.CountAsync(e => e.SubscriptionId == customer.SubscriptionId)));
    }

    [Fact]
    public async Task OnCreditHold_APurchaseIsRecordedButWaits_AndTheCustomerIsToldWhy()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff, seats: 2, creditHold: true);
        var offer = await PortalSeed.OfferAsync(app, customer);
        var portal = await PortalSeed.UserAsync(app, customer.Id);

        var preview = await (await portal.PostAsJsonAsync($"/portal/api/v1/offers/{offer.Id}/preview", new { quantity = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        var bought = await portal.PostAsJsonAsync($"/portal/api/v1/offers/{offer.Id}/purchase", new { quantity = 3, confirm = true });

        const string hold = "Your account is on hold: the change is recorded and billed, and the seats are provisioned once your partner lifts the hold.";
        Assert.Equal(hold, preview.GetProperty("holdNotice").GetString());
        var done = await bought.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, "done", hold), (bought.StatusCode, done.GetProperty("outcome").GetString(), done.GetProperty("message").GetString()));
        var subscription = await PortalSeed.ReadAsync(app, db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == done.GetProperty("subscriptionId").GetGuid()));
        Assert.Equal((3, ProvisioningState.AwaitingProvisioning), (subscription.Quantity, subscription.Provisioning));
    }

    [Fact]
    public async Task Invitation_IsEmailedWithItsLink_AndAReplacedOneIsNotSent()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff);
        var email = $"mailed-{Guid.NewGuid():N}@contoso.example";
        await PortalSeed.InviteAsync(app, customer.Id, email);
        var token = await PortalSeed.InviteAsync(app, customer.Id, email, "billing");

        for (var turn = 0; turn < 5 && await app.DeliverOutboxAsync() > 0; turn++)
        {
        }

        var mail = Assert.Single(app.Smtp.Received, m => m.EnvelopeTo.Contains(email));
        Assert.StartsWith("Northwind Portal ", mail.Message.Subject);
        Assert.EndsWith($" invites you to the {customer.Name} customer portal", mail.Message.Subject);
        Assert.Contains($"http://localhost/portal/invitation/{token}", mail.Message.TextBody);
        var states = await PortalSeed.ReadAsync(app, db => db.Outbox.AsNoTracking().Where(m => m.Topic == OutboxTopic.PortalInvitation && m.CustomerId == customer.Id)
            .Select(m => m.State).ToListAsync());
        Assert.Equal([OutboxState.Delivered, OutboxState.Refused], states.Order().ToArray());
    }

    [Fact]
    public async Task TwoStepSignIn_OnceOn_NeedsTheCurrentCodeAfterThePassword()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff);
        var email = $"mfa-{Guid.NewGuid():N}@contoso.example";
        var portal = await PortalSeed.JoinAsync(app, await PortalSeed.InviteAsync(app, customer.Id, email));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalSeed.PostFormAsync(portal, "/portal/account/mfa/begin", [])).StatusCode);
        var userId = await PortalSeed.ReadAsync(app, db => db.CustomerUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var caller = new PortalCaller(customer.Id, userId, email, CustomerUserRole.Admin);
        var secret = (await PortalSeed.WithAsync(app, s => s.GetRequiredService<PortalAccounts>().TotpStateAsync(caller, CancellationToken.None))).Secret!;
        string Code(TimeSpan offset) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp((app.Time.GetUtcNow() + offset).UtcDateTime);

        var (before, _) = await PortalSeed.SignInAsync(app, email);
        var confirmed = await PortalSeed.PostFormAsync(portal, "/portal/account/mfa/confirm", new() { ["code"] = Code(TimeSpan.Zero) });
        Assert.Equal("/portal/account?message=" + Uri.EscapeDataString("Two-step sign-in is on: from now on you enter a code after your password."),
            confirmed.Headers.Location!.ToString());
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var (client, location) = await PortalSeed.SignInAsync(app, email);
        Assert.Equal("/portal/signin/code", location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/portal/api/v1/subscriptions")).StatusCode);
        var wrong = await ProrataApp.PostFormAsync(client, "/portal/signin/code", new() { ["Form.Code"] = "000000" == Code(TimeSpan.Zero) ? "111111" : "000000" });
        Assert.Contains("That code is not the one your authenticator app shows now", await wrong.Content.ReadAsStringAsync());
        var right = await ProrataApp.PostFormAsync(client, "/portal/signin/code", new() { ["Form.Code"] = Code(TimeSpan.Zero) });

        Assert.Equal((HttpStatusCode.Redirect, "/portal"), (right.StatusCode, PortalSeed.PathOf(right)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/api/v1/subscriptions")).StatusCode);
        // Turning it on changed the stamp: another session from before is over; the one that turned it on got a new cookie.
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/portal/api/v1/subscriptions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/portal/api/v1/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task PayingAnInvoice_SavesTheCardOnStripesPage_ThenChargesItOnce()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff, billingDay: 20, seats: 2);
        var invoice = await InvoiceDeliveryApp.BillAsync(staff, customer.ContractId, new DateOnly(2026, 4, 20), issue: true);
        var invoiceId = invoice.GetProperty("id").GetGuid();
        var total = invoice.GetProperty("total").GetDecimal();
        // The worker's turn that enters the issued invoice in the receivables.
        for (var turn = 0; turn < 5 && await app.DeliverOutboxAsync() > 0; turn++)
        {
        }
        var portal = await PortalSeed.UserAsync(app, customer.Id, "billing");

        var noMethod = await PortalSeed.PostFormAsync(portal, $"/portal/invoices/{invoiceId}/pay", []);
        var setup = await PortalSeed.PostFormAsync(portal, "/portal/payment-methods/setup", new() { ["Provider"] = "stripe", ["Invoice"] = invoiceId.ToString() });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var onward = await portal.GetStringAsync(setup.Headers.Location!.ToString());
        var hosted = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(onward, "id=\"continue\" href=\"(?<url>[^\"]+)\"").Groups["url"].Value);
        using var onStripe = await browser.PostAsync(hosted, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "card", ["cardNumber"] = "4242424242424242", ["cardExpiry"] = "12 / 34", ["cardCvc"] = "123", ["billingName"] = "Contoso AP",
        }));
        var back = await portal.GetAsync(onStripe.Headers.Location!.PathAndQuery);

        Assert.StartsWith($"/portal/payment-methods?invoice={invoiceId}&error=", noMethod.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/portal/invoices/{invoiceId}?message=" + Uri.EscapeDataString($"Visa •••• 4242, 12/2034 is saved. Paid {invoice.GetProperty("number").GetString()}: thank you."),
            back.Headers.Location!.ToString());
        var paid = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{invoiceId}");
        Assert.Equal(("paid", total), (paid.GetProperty("paymentStatus").GetString(), paid.GetProperty("paid").GetDecimal()));
        var again = await PortalSeed.PostFormAsync(portal, $"/portal/invoices/{invoiceId}/pay", []);
        Assert.StartsWith($"/portal/invoices/{invoiceId}?error=", again.Headers.Location!.ToString());
        Assert.Equal(1, await PortalSeed.ReadAsync(app, db => db.Payments.CountAsync(p => p.InvoiceId == invoiceId)));
        var pdf = await portal.GetAsync($"/portal/invoices/{invoiceId}/pdf");
        Assert.Equal(("application/pdf", "%PDF"), (pdf.Content.Headers.ContentType!.MediaType, System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4])));
    }

    [Fact]
    public async Task MicrosoftSignIn_OnlyFromTheCustomersOwnTenant_ThenByTheLinkedObjectId()
    {
        var staff = await app.SignedInAsync();
        var customer = await PortalSeed.CustomerAsync(staff);
        var tenant = Guid.NewGuid().ToString();
        var email = $"entra-{Guid.NewGuid():N}@contoso.example";
        await PortalSeed.InviteAsync(app, customer.Id, email);
        await PortalSeed.WithAsync(app, async services =>
        {
            var db = services.GetRequiredService<Prorata.Data.ProrataDbContext>();
            db.PartnerCenterCustomers.Add(new Prorata.Data.PartnerCenter.PartnerCenterCustomerLink
                { PartnerCenterCustomerId = tenant, CompanyName = customer.Name, CustomerId = customer.Id, FirstSeenAt = app.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var objectId = Guid.NewGuid().ToString();
        static System.Security.Claims.ClaimsPrincipal Token(string tid, string oid, string mail) =>
            new(new System.Security.Claims.ClaimsIdentity([new("tid", tid), new("oid", oid), new("email", mail)], "PortalEntraId"));
        Task<(CustomerUser? User, string? Error)> ResolveAsync(System.Security.Claims.ClaimsPrincipal principal) =>
            PortalSeed.WithAsync(app, s => s.GetRequiredService<PortalAccounts>().ResolveEntraAsync(principal, CancellationToken.None));

        var lookAlike = await ResolveAsync(Token(Guid.NewGuid().ToString(), objectId, email));
        var first = await ResolveAsync(Token(tenant, objectId, email));
        var renamed = await ResolveAsync(Token(tenant, objectId, "irene.renamed@contoso.example"));
        var impostor = await ResolveAsync(Token(tenant, Guid.NewGuid().ToString(), email));

        Assert.Equal((null, "That Microsoft account belongs to another organisation than the customer you were invited to."), (lookAlike.User?.Id, lookAlike.Error));
        Assert.Equal((customer.Id, objectId, true, null), (first.User!.CustomerId, first.User.EntraObjectId, first.User.HasJoined, first.User.InvitationHash));
        Assert.Equal(first.User.Id, renamed.User!.Id);
        Assert.Equal((null, "This portal user signs in with another Microsoft account."), (impostor.User?.Id, impostor.Error));
    }

    [Fact]
    public async Task AzureUsage_IsWhatTheCustomersIssuedInvoicesBilled_ByMonthAndPlan()
    {
        var staff = await app.SignedInAsync();
        var mine = await PortalSeed.CustomerAsync(staff, billingDay: 22);
        var other = await PortalSeed.CustomerAsync(staff, billingDay: 22);
        var invoice = await InvoiceDeliveryApp.BillAsync(staff, mine.ContractId, new DateOnly(2026, 4, 22), issue: false);
        var otherInvoice = await InvoiceDeliveryApp.BillAsync(staff, other.ContractId, new DateOnly(2026, 4, 22), issue: false);
        // A usage line on each draft, as billing writes one for an Azure plan's month in arrears; then both are issued.
        await PortalSeed.WithAsync(app, async services =>
        {
            var db = services.GetRequiredService<Prorata.Data.ProrataDbContext>();
            foreach (var (contract, subscription, amount) in new[] { (mine.ContractId, mine.SubscriptionId, 123.45m), (other.ContractId, other.SubscriptionId, 999m) })
            {
                var id = await db.Invoices.Where(i => i.ContractId == contract).Select(i => i.Id).SingleAsync();
                db.InvoiceLines.Add(new Prorata.Data.Invoices.CustomerInvoiceLine
                {
                    InvoiceId = id, Position = 99, SubscriptionId = subscription, Kind = Prorata.Domain.Billing.InvoiceLineKind.Usage, PeriodStart = new DateOnly(2026, 3, 1),
                    PeriodEnd = new DateOnly(2026, 3, 31), Quantity = 1, UnitPrice = amount, Amount = amount, Days = 31, PeriodDays = 31, ProductId = "DZH318Z0BQ3Q", SkuId = "0001",
                });
            }
            return await db.SaveChangesAsync();
        });
        foreach (var draft in new[] { invoice, otherInvoice })
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/invoices/{draft.GetProperty("id").GetGuid()}/issue", new { })).StatusCode);
        var portal = await PortalSeed.UserAsync(app, mine.Id, "readOnly");

        var usage = await portal.GetFromJsonAsync<JsonElement>("/portal/api/v1/usage");

        var month = Assert.Single(usage.EnumerateArray());
        Assert.Equal(("2026-03-01", mine.SubscriptionId, "Test Mail", "USD", 123.45m), (month.GetProperty("month").GetString(), month.GetProperty("subscriptionId").GetGuid(),
            month.GetProperty("title").GetString(), month.GetProperty("currency").GetString(), month.GetProperty("amount").GetDecimal()));
        Assert.Equal(invoice.GetProperty("currency").GetString(), month.GetProperty("currency").GetString());
    }

    /// <summary>
    /// Every portal route that takes an id, tried by a user of one customer with the ids of another customer's subscription,
    /// invoice, offer, request, user and payment method: each answers 404, never the other customer's data or change. The
    /// routes come from the app itself, so a route added later is swept too.
    /// </summary>
    [Fact]
    public async Task IsolationSweep_EveryPortalRouteWithAnotherCustomersIds_Is404()
    {
        var staff = await app.SignedInAsync();
        var mine = await PortalSeed.CustomerAsync(staff, billingDay: 21);
        var other = await PortalSeed.CustomerAsync(staff, billingDay: 21);
        await InvoiceDeliveryApp.BillAsync(staff, other.ContractId, new DateOnly(2026, 4, 21), issue: true);
        await PortalSeed.OfferAsync(app, mine);
        var otherIds = await OtherIdsAsync(other);
        var portal = await PortalSeed.UserAsync(app, mine.Id);
        var token = await PortalSeed.AntiforgeryAsync(portal);
        var routes = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/portal", StringComparison.OrdinalIgnoreCase) == true && e.RoutePattern.Parameters.Count > 0
                && e.RoutePattern.Parameters.All(p => !p.Name.Equals("token", StringComparison.OrdinalIgnoreCase)))
            // A page's POST is Blazor's form handling, which only its own forms reach: the page is swept by its GET.
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null ? ["GET"]
                : e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Distinct().ToList();

        var answers = new List<string>();
        foreach (var (method, route) in routes)
        {
            var path = Fill(route, otherIds);
            HttpResponseMessage response;
            if (method == "GET") response = await portal.GetAsync(path);
            else if (path.StartsWith("/portal/api", StringComparison.Ordinal))
                response = await portal.PostAsJsonAsync(path, new { type = "setQuantity", quantity = 2, confirm = true });
            else
                response = await portal.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Type"] = "setQuantity", ["Quantity"] = "2", ["Confirm"] = "yes", ["Role"] = "ReadOnly", ["Disabled"] = "true",
                }));
            answers.Add($"{method} {route} {(int)response.StatusCode}");
        }
        var done = await portal.GetAsync($"/portal/payment-methods/done?setup={otherIds["setup"]}");

        Assert.Equal(routes.Select(r => $"{r.Method} {r.Route} 404"), answers);
        Assert.Equal(20, routes.Count);
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        Assert.Equal(1, await PortalSeed.ReadAsync(app, db => db.LicenseChangeLog.CountAsync(e => e.SubscriptionId == other.SubscriptionId)));
        Assert.Equal((PortalRequestState.Pending, CustomerUserRole.Admin, false), await PortalSeed.ReadAsync(app, async db =>
            ((await db.PortalRequests.SingleAsync(r => r.Id == otherIds["requests"])).State, (await db.CustomerUsers.SingleAsync(u => u.Id == otherIds["users"])).Role,
                (await db.SavedPaymentMethods.SingleAsync(m => m.Id == otherIds["payment-methods"])).RevokedAt is not null)));
    }

    private async Task<Dictionary<string, Guid>> OtherIdsAsync(PortalSeed.Customer other)
    {
        var offer = await PortalSeed.OfferAsync(app, other);
        await PortalSeed.UserAsync(app, other.Id);
        return await PortalSeed.WithAsync(app, async services =>
        {
            var db = services.GetRequiredService<Prorata.Data.ProrataDbContext>();
            var now = app.Time.GetUtcNow();
            var user = await db.CustomerUsers.FirstAsync(u => u.CustomerId == other.Id);
            var method = db.SavedPaymentMethods.Add(new Prorata.Data.Receivables.SavedPaymentMethod
            {
                Id = Guid.CreateVersion7(now), CustomerId = other.Id, Provider = Prorata.Data.Receivables.PaymentProvider.Stripe,
                Kind = Prorata.Data.Receivables.PaymentMethodKind.Card, ProviderCustomerId = "cus_other", Token = $"pm_{Guid.NewGuid():N}", Display = "Visa •••• 1111", CreatedAt = now,
            }).Entity;
            var setup = db.PaymentSetupSessions.Add(new Prorata.Data.Receivables.PaymentSetupSession
            {
                Id = Guid.CreateVersion7(now), CustomerId = other.Id, Provider = Prorata.Data.Receivables.PaymentProvider.Stripe, ProviderSessionId = $"cs_{Guid.NewGuid():N}",
                ProviderCustomerId = "cus_other", Url = "http://localhost/", CreatedAt = now,
            }).Entity;
            var request = db.PortalRequests.Add(new PortalRequest
            {
                Id = Guid.CreateVersion7(now), CustomerId = other.Id, CustomerUserId = user.Id, RequestedBy = user.Email, Type = Prorata.Domain.Subscriptions.SubscriptionEventType.Purchase,
                OfferId = offer.Id, ContractId = other.ContractId, ProductId = offer.ProductId, SkuId = offer.SkuId, Title = "Test Mail", Quantity = 50, Amount = 800m, Currency = "USD",
                Reason = "above", State = PortalRequestState.Pending, RequestedAt = now,
            }).Entity;
            await db.SaveChangesAsync();
            var invoice = await db.Invoices.Where(i => i.ContractId == other.ContractId && i.Number != null).Select(i => i.Id).SingleAsync();
            return new Dictionary<string, Guid>
            {
                ["subscriptions"] = other.SubscriptionId, ["invoices"] = invoice, ["buy"] = offer.Id, ["offers"] = offer.Id, ["requests"] = request.Id,
                ["users"] = user.Id, ["payment-methods"] = method.Id, ["setup"] = setup.Id,
            };
        });
    }

    /// <summary>A route with its parameters replaced by the id of the entity the segment before names (/invoices/{id} → an invoice).</summary>
    private static string Fill(string route, IReadOnlyDictionary<string, Guid> ids)
    {
        var segments = route.Split('/');
        for (var i = 0; i < segments.Length; i++)
            if (segments[i].StartsWith('{'))
                segments[i] = ids[segments[i - 1]].ToString();
        return string.Join('/', segments);
    }

    private static async Task<(string? Code, string? Detail)> CodeAndDetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString());
    }
}

public sealed class SqlitePortalApiTests(SqliteInvoiceDeliveryApp app) : PortalApiTests(app), IClassFixture<SqliteInvoiceDeliveryApp>;

public sealed class PostgresPortalApiTests(PostgresInvoiceDeliveryApp app) : PortalApiTests(app), IClassFixture<PostgresInvoiceDeliveryApp>;
