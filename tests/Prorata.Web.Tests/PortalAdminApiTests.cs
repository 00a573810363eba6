using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Portal;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Data.Outbox;
using Prorata.Data.Portal;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Web.Tests;

/// <summary>
/// The staff side of the customer portal through /api/v1: invitations (the link answered once, its e-mail queued), a
/// customer's portal catalog priced from its contract (<see cref="InvoicingSeed"/>: TAX-TEST/0001 P1Y monthly at 22.00 a
/// month + 25 % = 27.50 EUR per seat and cycle), its approval amount, and the approval queue, which applies a purchase in
/// the customer user's name with source portal.
/// </summary>
public abstract class PortalAdminApiTests(InvoicingApp app)
{
    private static readonly DateTimeOffset InvitationEnd = ProrataApp.Now.AddDays(7);

    [Fact]
    public async Task Invite_LinkAnsweredOnceAndEmailQueued_AgainReplacesTheLink()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, _) = await CustomerWithContractAsync(owner);
        var email = $"it-{Guid.NewGuid():N}@fabrikam.example";

        var first = await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations", new { email, role = "admin" });
        var again = await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations", new { email, role = "billing" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        var made = await first.Content.ReadFromJsonAsync<JsonElement>();
        var remade = await again.Content.ReadFromJsonAsync<JsonElement>();
        var userId = made.GetProperty("userId").GetGuid();
        Assert.Equal((userId, email, "admin", InvitationEnd), (userId, made.GetProperty("email").GetString(), made.GetProperty("role").GetString(),
            made.GetProperty("expiresAt").GetDateTimeOffset()));
        Assert.Equal((userId, "billing"), (remade.GetProperty("userId").GetGuid(), remade.GetProperty("role").GetString()));
        var firstToken = Token(made.GetProperty("link").GetString()!);
        var secondToken = Token(remade.GetProperty("link").GetString()!);
        Assert.NotEqual(firstToken, secondToken);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            var user = await db.CustomerUsers.SingleAsync(u => u.Id == userId);
            // Only the last link opens: the hash kept is the second token's.
            Assert.Equal((PortalInvitations.Hash(secondToken), CustomerUserRole.Billing, "owner@northwind.example"), (user.InvitationHash, user.Role, user.InvitedBy));
            var queued = await db.Outbox.Where(m => m.CustomerId == customerId).Select(m => m.Topic).ToListAsync();
            Assert.Equal([OutboxTopic.PortalInvitation, OutboxTopic.PortalInvitation], queued);
        }

        var users = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/portal/users");
        var listed = Assert.Single(users.EnumerateArray());
        Assert.Equal((userId, email, "billing", (DateTimeOffset?)null, InvitationEnd, false, (DateTimeOffset?)null, false),
            (listed.GetProperty("id").GetGuid(), listed.GetProperty("email").GetString(), listed.GetProperty("role").GetString(), Instant(listed, "joinedAt"),
                listed.GetProperty("invitationExpiresAt").GetDateTimeOffset(), listed.GetProperty("mfaEnabled").GetBoolean(), Instant(listed, "lastSignInAt"),
                listed.GetProperty("disabled").GetBoolean()));
    }

    [Fact]
    public async Task Invite_AnotherCustomersAddressBadRoleOrSalesRole_RefusedAndNothingQueued()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, _) = await CustomerWithContractAsync(owner);
        var other = await InvoicingSeed.CustomerAsync(owner, InvoicingSeed.Berlin);
        var email = $"shared-{Guid.NewGuid():N}@fabrikam.example";
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations", new { email, role = "readOnly" })).StatusCode);

        var taken = await owner.PostAsJsonAsync($"/api/v1/customers/{other}/portal/invitations", new { email, role = "admin" });
        var badRole = await owner.PostAsJsonAsync($"/api/v1/customers/{other}/portal/invitations", new { email = "new@fabrikam.example", role = "owner" });
        var sales = await (await app.SignedInAsAsync(StaffRoles.Sales)).PostAsJsonAsync($"/api/v1/customers/{other}/portal/invitations",
            new { email = "new@fabrikam.example", role = "admin" });
        var unknown = await owner.PostAsJsonAsync($"/api/v1/customers/{Guid.NewGuid()}/portal/invitations", new { email = "new@fabrikam.example", role = "admin" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal($"'{email}' already signs in to another customer's portal; one address belongs to one customer.", await InvoicingSeed.DetailOfAsync(taken));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(["role must be admin, billing or readOnly; got 'owner'."], await InvoicingSeed.ErrorsOfAsync(badRole, "role"));
        Assert.Equal(HttpStatusCode.Forbidden, sales.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.Outbox.Where(m => m.CustomerId == other)));
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.CustomerUsers.Where(u => u.CustomerId == other)));
    }

    [Fact]
    public async Task UpdateUser_RoleAndDisable_ChangedAndUnknownUserNotFound()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, _) = await CustomerWithContractAsync(owner);
        var invited = await (await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations",
            new { email = $"cfo-{Guid.NewGuid():N}@fabrikam.example", role = "admin" })).Content.ReadFromJsonAsync<JsonElement>();
        var userId = invited.GetProperty("userId").GetGuid();

        var changed = await owner.PatchAsJsonAsync($"/api/v1/customers/{customerId}/portal/users/{userId}", new { role = "readOnly", disabled = true });
        var badRole = await owner.PatchAsJsonAsync($"/api/v1/customers/{customerId}/portal/users/{userId}", new { role = "boss" });
        var unknown = await owner.PatchAsJsonAsync($"/api/v1/customers/{customerId}/portal/users/{Guid.NewGuid()}", new { disabled = true });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var user = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("readOnly", true), (user.GetProperty("role").GetString(), user.GetProperty("disabled").GetBoolean()));
        Assert.Equal(["role must be admin, billing or readOnly; got 'boss'."], await InvoicingSeed.ErrorsOfAsync(badRole, "role"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Offers_AddPricedDuplicateUnknownSkuRemove()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var offers = $"/api/v1/customers/{customerId}/portal/offers";
        object Offer(string sku) => new
        {
            contractId, productId = InvoicingSeed.Product, skuId = sku, term = "P1Y", billingPlan = "monthly", minSeats = 1, maxSeats = 50, requiresApproval = true,
        };

        var added = await owner.PostAsJsonAsync(offers, Offer(InvoicingSeed.Sku));
        var duplicate = await owner.PostAsJsonAsync(offers, Offer(InvoicingSeed.Sku));
        var unknownSku = await owner.PostAsJsonAsync(offers, Offer("9999"));
        var listed = await owner.GetFromJsonAsync<JsonElement>(offers);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var offer = await added.Content.ReadFromJsonAsync<JsonElement>();
        var offerId = offer.GetProperty("id").GetGuid();
        Assert.Equal($"{offers}/{offerId}", added.Headers.Location!.OriginalString);
        Assert.Equal((contractId, "Tax Test Seat", "P1Y", "monthly", 1, 50, true, "EUR", 27.50m, 1),
            (offer.GetProperty("contractId").GetGuid(), offer.GetProperty("title").GetString(), offer.GetProperty("term").GetString(), offer.GetProperty("billingPlan").GetString(),
                offer.GetProperty("minSeats").GetInt32(), offer.GetProperty("maxSeats").GetInt32(), offer.GetProperty("requiresApproval").GetBoolean(),
                offer.GetProperty("currency").GetString(), offer.GetProperty("pricePerCycle").GetDecimal(), offer.GetProperty("cycleMonths").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("TAX-TEST/0001 P1Y monthly is in the customer's catalog already.", await InvoicingSeed.DetailOfAsync(duplicate));
        Assert.Equal(HttpStatusCode.BadRequest, unknownSku.StatusCode);
        Assert.Equal(["No price list has TAX-TEST/9999 for P1Y billed monthly in EUR: the customer could not buy it."],
            await InvoicingSeed.ErrorsOfAsync(unknownSku, "skuId"));
        Assert.Equal([offerId], listed.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));

        var removed = await DeleteAsync(owner, $"{offers}/{offerId}");
        var again = await DeleteAsync(owner, $"{offers}/{offerId}");
        var sales = await (await app.SignedInAsAsync(StaffRoles.Sales)).PostAsJsonAsync(offers, Offer(InvoicingSeed.Sku));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (removed.StatusCode, again.StatusCode, sales.StatusCode));
        Assert.Equal(0, (await owner.GetFromJsonAsync<JsonElement>(offers)).GetArrayLength());
    }

    [Fact]
    public async Task Policy_SetClearedAndOutOfRange()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, _) = await CustomerWithContractAsync(owner);
        var path = $"/api/v1/customers/{customerId}/portal/policy";

        var before = await owner.GetFromJsonAsync<JsonElement>(path);
        var set = await owner.PutAsJsonAsync(path, new { approvalAbove = 500.00m });
        var negative = await owner.PutAsJsonAsync(path, new { approvalAbove = -1m });
        var afterSet = await owner.GetFromJsonAsync<JsonElement>(path);
        var cleared = await owner.PutAsJsonAsync(path, new { approvalAbove = (decimal?)null });
        var unknown = await owner.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/portal/policy");

        Assert.Equal(((decimal?)null, "EUR", (DateTimeOffset?)null), (Amount(before), before.GetProperty("currency").GetString(), Instant(before, "updatedAt")));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(((decimal?)500.00m, (DateTimeOffset?)ProrataApp.Now), (Amount(afterSet), Instant(afterSet, "updatedAt")));
        Assert.Equal(["approvalAbove must be between 0 and 1,000,000,000, or empty; got -1."], await InvoicingSeed.ErrorsOfAsync(negative, "approvalAbove"));
        Assert.Null(Amount(await cleared.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Approve_PendingPurchase_AppliedInTheCustomerUsersNameWithSourcePortal_OnceOnly()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var requester = $"buyer-{Guid.NewGuid():N}@fabrikam.example";
        var requestId = await PendingPurchaseAsync(owner, customerId, contractId, requester, seats: 3);

        var pending = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/portal-requests?state=pending&customerId={customerId}");
        var listed = Assert.Single(pending.EnumerateArray());
        Assert.Equal((requestId, requester, "purchase", "Tax Test Seat", 3, 82.50m, "EUR", "pending"),
            (listed.GetProperty("id").GetGuid(), listed.GetProperty("requestedBy").GetString(), listed.GetProperty("type").GetString(), listed.GetProperty("title").GetString(),
                listed.GetProperty("quantity").GetInt32(), listed.GetProperty("amount").GetDecimal(), listed.GetProperty("currency").GetString(), listed.GetProperty("state").GetString()));
        Assert.StartsWith("Fabrikam ", listed.GetProperty("customerName").GetString());

        var finance = await (await app.SignedInAsAsync(StaffRoles.Finance)).PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/approve", new { });
        var approved = await owner.PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/approve", new { });
        var twice = await owner.PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/approve", new { });
        var unknown = await owner.PostAsJsonAsync($"/api/v1/portal-requests/{Guid.NewGuid()}/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, finance.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var request = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("approved", "owner@northwind.example", (DateTimeOffset?)ProrataApp.Now),
            (request.GetProperty("state").GetString(), request.GetProperty("decidedBy").GetString(), Instant(request, "decidedAt")));
        var subscriptionId = request.GetProperty("resultSubscriptionId").GetGuid();
        var subscription = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{subscriptionId}");
        Assert.Equal((contractId, InvoicingSeed.Product, InvoicingSeed.Sku, 3),
            (subscription.GetProperty("contractId").GetGuid(), subscription.GetProperty("productId").GetString(), subscription.GetProperty("skuId").GetString(),
                subscription.GetProperty("quantity").GetInt32()));
        var change = Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/subscriptions/{subscriptionId}/changes")).EnumerateArray());
        Assert.Equal(("purchase", "portal", requester), (change.GetProperty("type").GetString(), change.GetProperty("source").GetString(), change.GetProperty("actor").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("The request is approved already (by owner@northwind.example): nothing was changed.", await InvoicingSeed.DetailOfAsync(twice));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Approve_TheRulesRefuseTheChange_RequestEndsRefusedWithTheReason()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var requestId = await PendingPurchaseAsync(owner, customerId, contractId, $"buyer-{Guid.NewGuid():N}@fabrikam.example", seats: 0);

        var approve = await owner.PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/approve", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, approve.StatusCode);
        var request = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/portal-requests/{requestId}");
        Assert.Equal(("refused", await InvoicingSeed.DetailOfAsync(approve)), (request.GetProperty("state").GetString(), request.GetProperty("outcome").GetString()));
        Assert.Equal("InvalidQuantity: A purchase needs at least 1 seat; got 0.", request.GetProperty("outcome").GetString());
        Assert.Equal(0, await InvoicingSeed.CountAsync(app, db => db.Subscriptions.Where(s => s.ContractId == contractId && s.Quantity == 0)));
    }

    [Fact]
    public async Task Decline_NeedsAReason_ThenDeclinedWithIt()
    {
        var owner = await app.SignedInAsAsync(StaffRoles.Owner);
        var (customerId, contractId) = await CustomerWithContractAsync(owner);
        var requestId = await PendingPurchaseAsync(owner, customerId, contractId, $"buyer-{Guid.NewGuid():N}@fabrikam.example", seats: 40);
        var sales = await app.SignedInAsAsync(StaffRoles.Sales);

        var noReason = await sales.PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/decline", new { });
        var declined = await sales.PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/decline", new { reason = "Budget freeze until April." });
        var approveAfter = await owner.PostAsJsonAsync($"/api/v1/portal-requests/{requestId}/approve", new { });
        var badState = await owner.GetAsync("/api/v1/portal-requests?state=open");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason (1 to 1,000 characters) is required: the customer sees it."], await InvoicingSeed.ErrorsOfAsync(noReason, "reason"));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var request = await declined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("declined", "Budget freeze until April.", "sales@northwind.example"),
            (request.GetProperty("state").GetString(), request.GetProperty("outcome").GetString(), request.GetProperty("decidedBy").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
        Assert.Equal(["state must be one of pending, approving, approved, declined, refused, withdrawn or all; got 'open'."],
            await InvoicingSeed.ErrorsOfAsync(badState, "state"));
        var all = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/portal-requests?state=all&customerId={customerId}");
        Assert.Equal([(requestId, "declined")], all.EnumerateArray().Select(r => (r.GetProperty("id").GetGuid(), r.GetProperty("state").GetString())));
    }

    /// <summary>A customer with a legal entity's EUR contract (which has 5 seats of TAX-TEST already): its id and the contract's.</summary>
    private async Task<(Guid CustomerId, Guid ContractId)> CustomerWithContractAsync(HttpClient owner)
    {
        var entity = await InvoicingSeed.LegalEntityAsync(owner, InvoicingSeed.Berlin);
        var customerId = await InvoicingSeed.CustomerAsync(owner, InvoicingSeed.Berlin);
        return (customerId, await InvoicingSeed.ContractWithSeatsAsync(app, owner, customerId, entity.GetProperty("id").GetGuid()));
    }

    /// <summary>
    /// A portal purchase waiting for approval, as the portal writes it: a joined customer user asked for <paramref name="seats"/>
    /// seats, previewed at 27.50 EUR each on the next invoice.
    /// </summary>
    private async Task<Guid> PendingPurchaseAsync(HttpClient owner, Guid customerId, Guid contractId, string requester, int seats)
    {
        var invited = await (await owner.PostAsJsonAsync($"/api/v1/customers/{customerId}/portal/invitations", new { email = requester, role = "admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var request = db.PortalRequests.Add(new PortalRequest
        {
            Id = Guid.NewGuid(), CustomerId = customerId, CustomerUserId = invited.GetProperty("userId").GetGuid(), RequestedBy = requester,
            Type = SubscriptionEventType.Purchase, ContractId = contractId, ProductId = InvoicingSeed.Product, SkuId = InvoicingSeed.Sku, Title = "Tax Test Seat",
            Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Quantity = seats, Amount = seats * 27.50m, Currency = "EUR",
            Reason = "It adds more than 50.00 EUR to the next invoice.", State = PortalRequestState.Pending, RequestedAt = app.Time.GetUtcNow(),
        }).Entity;
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>A DELETE with a JSON body, as a browser's cross-site form cannot send (the CSRF check).</summary>
    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(new { }) });

    private static string Token(string link)
    {
        Assert.StartsWith("http://localhost/portal/invitation/", link);
        var token = link["http://localhost/portal/invitation/".Length..];
        Assert.Matches("^[0-9a-f]{64}$", token);
        return token;
    }

    private static DateTimeOffset? Instant(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDateTimeOffset();

    private static decimal? Amount(JsonElement e) =>
        e.GetProperty("approvalAbove").ValueKind == JsonValueKind.Null ? null : e.GetProperty("approvalAbove").GetDecimal();
}

[Collection(SqliteInvoicingCollection.Name)]
public sealed class SqlitePortalAdminApiTests(SqliteInvoicingApp app) : PortalAdminApiTests(app);

[Collection(PostgresInvoicingCollection.Name)]
public sealed class PostgresPortalAdminApiTests(PostgresInvoicingApp app) : PortalAdminApiTests(app);
