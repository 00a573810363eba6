using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Data.Portal;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Tests;

/// <summary>
/// The staff pages of the customer portal, read as rendered HTML: the customer page's "Customer portal" section (invite with
/// the link shown once, roles, catalog, approval amount) and /approvals, whose buttons write through the same services as the API.
/// </summary>
[Collection(SqliteInvoicingCollection.Name)]
public sealed partial class PortalAdminPageTests(SqliteInvoicingApp app)
{
    [Fact]
    public async Task CustomerPage_InviteForm_ShowsTheLinkOnceAndListsTheUser()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, _) = await CustomerWithContractAsync(owner);
        var page = $"/customers/{customerId}";
        var email = $"admin-{Guid.NewGuid():N}@fabrikam.example";

        var response = await ProrataApp.PostFormAsync(owner, page, new() { ["Invite.Email"] = email, ["Invite.Role"] = "admin" }, "portal-invite");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("^http://localhost/portal/invitation/[0-9a-f]{64}$", PageHtml.Text(html, "portal-invitation-link"));
        Assert.Equal([email, "admin billing read-only Save role", "invited, link open until 2026-03-21 09:30 UTC", "off", "never", "enabled", $"Disable {email}"],
            PageHtml.Row(html, "portal-users", email));
        // Shown once: the page read again has the user but not the link.
        var again = await owner.GetStringAsync(page);
        Assert.DoesNotContain("portal-invitation-link", again);
        Assert.Equal(1, PageHtml.RowCount(again, "portal-users"));

        var badRole = await ProrataApp.PostFormAsync(owner, page, new() { ["Invite.Email"] = "not an address", ["Invite.Role"] = "admin" }, "portal-invite");
        Assert.Equal("email must be one e-mail address; got 'not an address'.", PageHtml.Text(await badRole.Content.ReadAsStringAsync(), "portal-invite-errors"));
    }

    [Fact]
    public async Task CustomerPage_RoleCatalogAndApprovalAmount_PostedAndShown()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var page = $"/customers/{customerId}";
        var email = $"billing-{Guid.NewGuid():N}@fabrikam.example";
        var userId = (await (await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations", new { email, role = "billing" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();

        var role = await PostPlainFormAsync(owner, page, $"/customers/{customerId}/portal/users/{userId}", new() { ["action"] = "role", ["role"] = "readOnly" });
        var offer = await PostPlainFormAsync(owner, page, $"/customers/{customerId}/portal/offers", new()
        {
            ["contractId"] = contractId.ToString(), ["productId"] = InvoicingSeed.Product, ["skuId"] = InvoicingSeed.Sku, ["term"] = "P1Y", ["billingPlan"] = "monthly",
            ["minSeats"] = "2", ["maxSeats"] = "", ["requiresApproval"] = "true",
        });
        var policy = await PostPlainFormAsync(owner, page, $"/customers/{customerId}/portal/policy", new() { ["approvalAbove"] = "250.00" });

        Assert.Equal($"/customers/{customerId}?portalMessage={Uri.EscapeDataString($"{email}: read-only, enabled.")}#portal", role);
        Assert.Equal($"/customers/{customerId}?portalMessage={Uri.EscapeDataString("TAX-TEST/0001 P1Y Monthly is in the customer's portal catalog.")}#portal", offer);
        var html = await owner.GetStringAsync(policy);
        Assert.Contains("Purchases and changes adding more than 250.00 to the next invoice wait for approval.", html);
        Assert.Equal("A purchase or seat change adding more than 250.00 EUR to the next invoice waits for staff approval.", PageHtml.Text(html, "portal-approval-above"));
        var row = PageHtml.Row(html, "portal-offers", "TAX-TEST/0001");
        Assert.Equal(["Tax Test Seat", "TAX-TEST/0001", "P1Y", "monthly", "2–any", "always", "27.50 EUR", "Remove TAX-TEST/0001 P1Y monthly"],
            [row[0], row[1], row[2], row[3], row[5], row[6], row[7], row[8]]);
        Assert.Contains("<option value=\"readOnly\" selected>read-only</option>", html);

        var offerId = Assert.Single(OfferIds(html));
        var removed = await PostPlainFormAsync(owner, page, $"/customers/{customerId}/portal/offers/{offerId}/remove", []);
        Assert.Contains("id=\"no-portal-offers\"", await owner.GetStringAsync(removed));
    }

    [Fact]
    public async Task CustomerPage_ReadOnlyStaff_SeesThePortalButNoForms()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, _) = await CustomerWithContractAsync(owner);
        await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations", new { email = $"ro-{Guid.NewGuid():N}@fabrikam.example", role = "readOnly" });
        var reader = await app.SignedInAsAsync(StaffRoles.ReadOnly);

        var html = await reader.GetStringAsync($"/customers/{customerId}");

        Assert.Equal(["portal-users"], [.. Regex.Matches(html, "id=\"(portal-users|portal-offer-form|portal-policy-form)\"").Select(m => m.Groups[1].Value)]);
        Assert.DoesNotContain("portal-invite", PageHtml.FormNames(html));
        Assert.Equal("None: only offers marked for approval wait for staff.", PageHtml.Text(html, "portal-approval-above"));
        var forbidden = await SendPlainFormAsync(reader, $"/customers/{customerId}", $"/customers/{customerId}/portal/policy", new() { ["approvalAbove"] = "1" });
        Assert.StartsWith("http://localhost/access-denied?", forbidden.Headers.Location!.OriginalString);
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.PortalPolicies.Where(p => p.CustomerId == customerId)));
    }

    [Fact]
    public async Task ApprovalsPage_PendingFirst_ApproveLinksTheSubscription_DeclineShowsTheReason()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var buyer = $"buyer-{Guid.NewGuid():N}@fabrikam.example";
        var purchase = await PendingAsync(customerId, contractId, buyer, SubscriptionEventType.Purchase, null, 3, 82.50m, ProrataApp.Now.AddMinutes(-5));
        var seats = await PendingAsync(customerId, contractId, buyer, SubscriptionEventType.SetQuantity, 5, 12, 192.50m, ProrataApp.Now.AddMinutes(-1));
        var mine = $"/approvals?customerId={customerId}";

        var html = await owner.GetStringAsync(mine);
        Assert.Equal(
            [
                [Customer(html), buyer, "Seat change: Tax Test Seat, 5 → 12 seats", "+192.50 EUR", "Above 50.00 EUR.", "2026-03-14 09:29", "pending"],
                [Customer(html), buyer, "Purchase: Tax Test Seat, 3 seats (TAX-TEST/0001 P1Y monthly)", "+82.50 EUR", "Above 50.00 EUR.", "2026-03-14 09:25", "pending"],
            ],
            PageHtml.Rows(html, "approvals").Select(r => r[..7]).ToArray());
        Assert.Contains("Approvals (", await owner.GetStringAsync("/"));

        var approved = await PostPlainFormAsync(owner, mine, $"/approvals/{purchase}/approve", []);
        var declined = await PostPlainFormAsync(owner, mine, $"/approvals/{seats}/decline", new() { ["reason"] = "Not before the renewal." });
        var noReason = await PostPlainFormAsync(owner, mine + "&state=all", $"/approvals/{seats}/decline", new() { ["reason"] = " " }, expectForm: false);

        Assert.Equal($"/approvals?message={Uri.EscapeDataString($"Approved: Tax Test Seat for {buyer} is applied.")}", approved);
        Assert.Equal($"/approvals?message={Uri.EscapeDataString($"Declined: Tax Test Seat for {buyer}; they see your reason.")}", declined);
        Assert.Equal($"/approvals?error={Uri.EscapeDataString("reason (1 to 1,000 characters) is required: the customer sees it.")}", noReason);
        var all = await owner.GetStringAsync($"{mine}&state=all");
        var subscriptionId = await ResultOfAsync(purchase);
        Assert.Equal("approved by owner@northwind.example: the subscription", PageHtml.Row(all, "approvals", $"request-{purchase}")[6]);
        Assert.Contains($"<a href=\"/subscriptions/{subscriptionId}\">the subscription</a>", all);
        Assert.Equal("declined by owner@northwind.example: Not before the renewal.", PageHtml.Row(all, "approvals", $"request-{seats}")[6]);
        Assert.Contains("id=\"no-approvals\"", await owner.GetStringAsync(mine));
    }

    [Fact]
    public async Task ApprovalsPage_FinanceReadsButHasNoButtons()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var request = await PendingAsync(customerId, contractId, $"buyer-{Guid.NewGuid():N}@fabrikam.example", SubscriptionEventType.Purchase, null, 2, 55.00m, ProrataApp.Now);
        var finance = await app.SignedInAsAsync(StaffRoles.Finance);

        var html = await finance.GetStringAsync($"/approvals?customerId={customerId}");
        var forbidden = await SendPlainFormAsync(finance, $"/approvals?customerId={customerId}", $"/approvals/{request}/approve", []);

        Assert.Equal(1, PageHtml.RowCount(html, "approvals"));
        Assert.DoesNotContain($"/approvals/{request}/approve", html);
        Assert.Contains("The Owner, BillingAdmin and Sales roles approve and decline.", html);
        Assert.StartsWith("http://localhost/access-denied?", forbidden.Headers.Location!.OriginalString);
        Assert.Equal(1, await InvoicingSeed.CountAsync(app, db => db.PortalRequests.Where(r => r.Id == request && r.State == PortalRequestState.Pending)));
    }

    private async Task<(Guid CustomerId, Guid ContractId)> CustomerWithContractAsync(HttpClient owner)
    {
        var entity = await InvoicingSeed.LegalEntityAsync(owner, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(owner, InvoicingSeed.Berlin);
        return (customerId, await InvoicingSeed.ContractWithSeatsAsync(app, owner, customerId, entity.GetProperty("id").GetGuid()));
    }

    private async Task<Guid> PendingAsync(Guid customerId, Guid contractId, string requester, SubscriptionEventType type, int? before, int seats, decimal amount,
        DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var request = db.PortalRequests.Add(new PortalRequest
        {
            Id = Guid.NewGuid(), CustomerId = customerId, CustomerUserId = Guid.NewGuid(), RequestedBy = requester, Type = type, ContractId = contractId,
            SubscriptionId = type == SubscriptionEventType.Purchase ? null : Guid.NewGuid(), ProductId = InvoicingSeed.Product, SkuId = InvoicingSeed.Sku,
            Title = "Tax Test Seat", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Quantity = seats, QuantityBefore = before, Amount = amount,
            Currency = "EUR", Reason = "Above 50.00 EUR.", State = PortalRequestState.Pending, RequestedAt = at,
        }).Entity;
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task<Guid> ResultOfAsync(Guid requestId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ProrataDbContext>().PortalRequests.Single(r => r.Id == requestId).ResultSubscriptionId!.Value;
    }

    /// <summary>
    /// Posts one of a page's plain forms (action <paramref name="action"/>) as a browser would, with the page's antiforgery
    /// token; returns where it sends the browser back to.
    /// </summary>
    private static async Task<string> PostPlainFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields, bool expectForm = true)
    {
        if (expectForm) Assert.Contains($"action=\"{action}\"", await client.GetStringAsync(page));
        var response = await SendPlainFormAsync(client, page, action, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>
    /// The form to <paramref name="action"/> sent with the page's antiforgery token; when the page has no such form (a request
    /// decided already, a role that sees no button), with the token of the page's first post form (the header's sign-out).
    /// </summary>
    private static async Task<HttpResponseMessage> SendPlainFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var at = html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        var start = at >= 0 ? html.LastIndexOf("<form", at, StringComparison.Ordinal) : html.IndexOf("<form method=\"post\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var values = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields) values[name] = value;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static string Customer(string html) => Regex.Match(html, "<a href=\"/customers/[^\"]+#portal\">(?<name>[^<]+)</a>").Groups["name"].Value;

    private static IEnumerable<Guid> OfferIds(string html) =>
        Regex.Matches(html, "/portal/offers/(?<id>[0-9a-f-]{36})/remove").Select(m => Guid.Parse(m.Groups["id"].Value));

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();
}
