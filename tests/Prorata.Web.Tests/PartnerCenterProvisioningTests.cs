using Prorata.Application.PartnerCenter;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Catalog;
using Prorata.Data.Identity;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Integrations.PartnerCenter;
using Prorata.Web.Features.PartnerCenter;
using Prorata.Application.Subscriptions;
using Prorata.Data.Outbox;
using Prorata.Data.WorkItems;
using Prorata.Application.Billing;

namespace Prorata.Web.Tests;

/// <summary>
/// Purchases and credit-hold lifts of a customer linked to a Partner Center tenant, through the API, against the
/// simulator over HTTP: what Microsoft ends up with, the link the sync uses, the provisioning records, and the bill.
/// Its own app and simulator (<see cref="PartnerCenterSyncTests.Fixture"/>); the clocks move only a minute, within the day billed.
/// </summary>
public sealed class PartnerCenterProvisioningTests(PartnerCenterSyncTests.Fixture fixture) : IClassFixture<PartnerCenterSyncTests.Fixture>
{
    private const string E3Product = "CFQ7TTC0LFLX";
    private const string E3Sku = "0001";
    private const string E5Product = "CFQ7TTC0LFLZ";
    private const string E5Sku = "0002";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Purchase_LinkedCustomer_PlacedInPartnerCenterLinkedProvisionedAndSyncImportsNothing()
    {
        var client = await SignedInOwnerAsync();
        var (tenant, contractId, _) = await LinkedCustomerAsync(client, "Adatum Corp");

        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = E3Product, skuId = E3Sku, term = "P1Y", billingPlan = "monthly", quantity = 10 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var subscriptionId = Guid.Parse((string)body["subscription"]!["id"]!);
        var provisioning = body["entry"]!["provisioning"]!;
        var pcSubscription = Assert.Single(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
        Assert.Equal(("provisioned", pcSubscription.Id, null), ((string?)provisioning["state"], (string?)provisioning["partnerCenterSubscriptionId"], (string?)provisioning["failure"]));
        Assert.Equal(($"{E3Product}:{E3Sku}", 10, "P1Y", "monthly", true), (pcSubscription.OfferId[..17], pcSubscription.Quantity, pcSubscription.TermDuration, pcSubscription.BillingCycle, pcSubscription.AutoRenewEnabled));
        Assert.Equal((subscriptionId, "provisioned"), (await LinkedSubscriptionAsync(pcSubscription.Id), (string?)body["subscription"]!["provisioning"]));

        var sync = await SyncAsync(client);

        Assert.Equal((0, 0), (sync.ChangesImported, sync.IssuesRaised));
        Assert.Single(await LogAsync(subscriptionId));
    }

    [Fact]
    public async Task PartialUpgrade_LinkedSubscription_TransitionMovesSeatsToANewPartnerCenterSubscriptionLinkedToTheNewOne()
    {
        var client = await SignedInOwnerAsync();
        var (tenant, contractId, _) = await LinkedCustomerAsync(client, "Tailspin Toys");
        using var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = E3Product, skuId = E3Sku, term = "P1Y", billingPlan = "monthly", quantity = 10 });
        var subscriptionId = Guid.Parse((string)(await purchase.Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["id"]!);
        // A minute later, on both clocks: the activity log orders records by time, and the upgrade follows the purchase.
        fixture.App.Time.Advance(TimeSpan.FromMinutes(1));
        await PostSimAsync("_sim/clock/advance", new { minutes = 1 });

        using var upgrade = await client.PostAsJsonAsync($"/api/v1/subscriptions/{subscriptionId}/changes",
            new { type = "upgrade", productId = E5Product, skuId = E5Sku, quantity = 4 });

        Assert.Equal(HttpStatusCode.OK, upgrade.StatusCode);
        var moved = Guid.Parse((string)(await upgrade.Content.ReadFromJsonAsync<JsonObject>())!["entry"]!["newSubscriptionId"]!);
        var atMicrosoft = (await PartnerCenter.GetSubscriptionsAsync(tenant, None)).OrderByDescending(s => s.Quantity).ToList();
        Assert.Equal([($"{E3Product}:{E3Sku}", 6), ($"{E5Product}:{E5Sku}", 4)], atMicrosoft.Select(s => (s.OfferId[..17], s.Quantity)));
        Assert.Equal((subscriptionId, moved), (await LinkedSubscriptionAsync(atMicrosoft[0].Id), await LinkedSubscriptionAsync(atMicrosoft[1].Id)));
        var sync = await SyncAsync(client);
        Assert.Equal((0, 0), (sync.ChangesImported, sync.IssuesRaised));
    }

    [Fact]
    public async Task Purchase_SkuNotSoldInPartnerCenter_422AndNothingWritten()
    {
        var client = await SignedInOwnerAsync();
        var (tenant, contractId, _) = await LinkedCustomerAsync(client, "Litware Inc");
        var before = await SubscriptionCountAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 5 });

        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "NotInPartnerCenterCatalog", "Partner Center sells no TEST-BASIC/0001 in market US; nothing was bought."),
            (response.StatusCode, (string?)problem["code"], (string?)problem["detail"]));
        Assert.Equal(before, await SubscriptionCountAsync());
        Assert.Empty(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
    }

    [Fact]
    public async Task Purchase_CheckoutAnswerLost_RecordedAwaitingWithItsCartAndSyncLinksTheOrderInsteadOfImportingIt()
    {
        var client = await SignedInOwnerAsync();
        var (tenant, contractId, _) = await LinkedCustomerAsync(client, "Northwind Traders");
        await PostSimAsync("_sim/faults/lose-checkout-answer", new { requests = 1 });

        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = E3Product, skuId = E3Sku, term = "P1Y", billingPlan = "monthly", quantity = 7 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var subscriptionId = Guid.Parse((string)body["subscription"]!["id"]!);
        Assert.Equal(("awaitingProvisioning", "awaitingProvisioning"), ((string?)body["subscription"]!["provisioning"], (string?)body["entry"]!["provisioning"]!["state"]));
        Assert.StartsWith("The checkout of cart ", (string?)body["entry"]!["provisioning"]!["failure"]);
        // Microsoft placed the order although Prorata never heard back; it is not placed a second time.
        var placed = Assert.Single(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
        var waiting = Assert.Single((await client.GetFromJsonAsync<List<SyncIssueResponse>>("/api/v1/partner-center/issues?state=open"))!,
            i => i.Kind == SubscriptionProvisioning.FailureIssueKind && i.Message.Contains(subscriptionId.ToString(), StringComparison.Ordinal));
        Assert.StartsWith($"Microsoft 365 E3 ({subscriptionId}) waits for provisioning: The checkout of cart ", waiting.Message);

        var sync = await SyncAsync(client);

        Assert.Equal((0, 0), (sync.ChangesImported, sync.IssuesRaised));
        Assert.Equal(subscriptionId, await LinkedSubscriptionAsync(placed.Id));
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var record = await db.ProvisioningRecords.AsNoTracking().SingleAsync(r => r.SubscriptionId == subscriptionId);
        Assert.Equal((fixture.App.Time.GetUtcNow(), placed.Id, placed.OrderId, null), (record.ProvisionedAt, record.PartnerCenterSubscriptionId, record.PartnerCenterOrderId, record.Failure));
        Assert.Equal(ProvisioningState.Provisioned, (await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId)).Provisioning);
        Assert.Single(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
        var settled = await db.WorkItems.AsNoTracking().SingleAsync(i => i.SubscriptionId == subscriptionId);
        Assert.Equal((fixture.App.Time.GetUtcNow(), WorkItemState.Resolved, "provisioned: Microsoft has it now"), (settled.ResolvedAt, settled.State, settled.Resolution));
    }

    [Fact]
    public async Task CreditHold_PurchaseAndIncreaseWaitUnsentThenLift_PlacedWithCurrentSeatsLinkedProvisionedAndBilledOnce()
    {
        var client = await SignedInOwnerAsync();
        var (tenant, contractId, customerId) = await LinkedCustomerAsync(client, "Fourth Coffee");
        var version = await PutCustomerAsync(client, customerId, "Fourth Coffee", creditHold: true, version: 1);

        using var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = E3Product, skuId = E3Sku, term = "P1Y", billingPlan = "monthly", quantity = 10 });
        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
        var subscriptionId = Guid.Parse((string)(await purchase.Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["id"]!);
        using var increase = await client.PostAsJsonAsync($"/api/v1/subscriptions/{subscriptionId}/changes", new { type = "setQuantity", quantity = 12 });
        Assert.Equal(HttpStatusCode.OK, increase.StatusCode);
        Assert.Empty(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
        var held = Spaced(await client.GetStringAsync($"/customers/{customerId}"));
        Assert.Contains("Awaiting provisioning (1)", held);
        Assert.Contains("<td>12</td> <td>credit hold</td>", held);

        await PutCustomerAsync(client, customerId, "Fourth Coffee", creditHold: false, version);
        await OutboxDeliveredAsync(customerId);

        var pcSubscription = Assert.Single(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
        Assert.Equal((12, subscriptionId), (pcSubscription.Quantity, await LinkedSubscriptionAsync(pcSubscription.Id)));
        var log = (await client.GetFromJsonAsync<JsonArray>($"/api/v1/subscriptions/{subscriptionId}/changes"))!;
        Assert.Equal(
            [("purchase", 10, true, "provisioned", pcSubscription.Id), ("setQuantity", 12, true, "provisioned", null)],
            log.Select(e => ((string?)e!["type"], (int?)e["quantity"], (bool?)e["awaitingProvisioning"], (string?)e["provisioning"]!["state"],
                (string?)e["provisioning"]!["partnerCenterSubscriptionId"])));
        Assert.Equal("provisioned", (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/v1/subscriptions/{subscriptionId}"))!["provisioning"]);
        Assert.Contains("Awaiting provisioning (0)", Spaced(await client.GetStringAsync($"/customers/{customerId}")));
        var sync = await SyncAsync(client);
        Assert.Equal((0, 0), (sync.ChangesImported, sync.IssuesRaised));

        await using var scope = fixture.Web.Services.CreateAsyncScope();
        var billing = scope.ServiceProvider.GetRequiredService<BillingRunner>();
        await billing.RunAsync(new DateOnly(2026, 3, 15), issue: false, null, None);
        await billing.RunAsync(new DateOnly(2026, 3, 15), issue: false, null, None);
        var lines = await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().InvoiceLines.AsNoTracking()
            .Where(l => l.SubscriptionId == subscriptionId)
            .Select(l => new { l.Quantity, l.PeriodStart, l.PeriodEnd, l.Amount })
            .ToListAsync();
        // Bought (10) and raised (12) on the 14th, the day before the billing day: 12 seats for that day (6.60 × 12 × 1/28 = 2.83), then 12
        // seats ahead; the second run adds nothing.
        Assert.Equal(
            [(12m, new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 14), 2.83m), (12m, new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 14), 79.20m)],
            lines.Select(l => (l.Quantity, l.PeriodStart, l.PeriodEnd, l.Amount)).OrderBy(l => l.Item2));
    }

    [Fact]
    public async Task CreditHold_LiftedTwiceForASkuPartnerCenterDoesNotSell_StaysAwaitingWithOneExceptionNamingTheSubscription()
    {
        var client = await SignedInOwnerAsync();
        var (tenant, contractId, customerId) = await LinkedCustomerAsync(client, "Wide World Importers");
        var version = await PutCustomerAsync(client, customerId, "Wide World Importers", creditHold: true, version: 1);
        using var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions",
            new { contractId, productId = BillingSeed.Product, skuId = BillingSeed.Sku, term = "P1Y", billingPlan = "monthly", quantity = 3 });
        var subscriptionId = Guid.Parse((string)(await purchase.Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["id"]!);

        version = await PutCustomerAsync(client, customerId, "Wide World Importers", creditHold: false, version);
        await OutboxDeliveredAsync(customerId);
        version = await PutCustomerAsync(client, customerId, "Wide World Importers", creditHold: true, version);
        await PutCustomerAsync(client, customerId, "Wide World Importers", creditHold: false, version);
        await OutboxDeliveredAsync(customerId);

        Assert.Empty(await PartnerCenter.GetSubscriptionsAsync(tenant, None));
        Assert.Equal("awaitingProvisioning", (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/v1/subscriptions/{subscriptionId}"))!["provisioning"]);
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        var issue = Assert.Single(await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().WorkItems.AsNoTracking()
            .Where(i => i.SubscriptionId == subscriptionId).ToListAsync());
        Assert.Equal((WorkItemKind.ProvisioningFailure, SubscriptionProvisioning.FailureIssueKind, tenant, WorkItemState.Open),
            (issue.Kind, issue.Code, issue.PartnerCenterCustomerId, issue.State));
        Assert.StartsWith($"Test Basic ({subscriptionId}) waits for provisioning: NotInPartnerCenterCatalog: Partner Center sells no TEST-BASIC/0001", issue.Message);
    }

    private IPartnerCenter PartnerCenter => fixture.Web.Services.GetRequiredService<IPartnerCenter>();

    /// <summary>A lifted hold is delivered by the app's outbox worker, woken by the lift: waits until nothing of the customer is left to deliver.</summary>
    private async Task OutboxDeliveredAsync(Guid customerId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var scope = fixture.Web.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            if (!await db.Outbox.AnyAsync(m => m.CustomerId == customerId && (m.State == OutboxState.Pending || m.State == OutboxState.InFlight)))
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The outbox did not deliver customer {customerId}'s messages in 30 s.");
    }

    /// <summary>A tenant in the simulator, seen by a full sync and linked to a new Prorata customer with a USD contract.</summary>
    private async Task<(string Tenant, Guid ContractId, Guid CustomerId)> LinkedCustomerAsync(HttpClient client, string name)
    {
        await ConsentAsync(client);
        await SeedE3PriceAsync();
        var tenant = (string)(await PostSimAsync("_sim/customers", new { companyName = name, domain = $"{name.Replace(" ", "")}.onmicrosoft.com", country = "US" }))["id"]!;
        await SyncAsync(client);
        var contractId = await BillingSeed.ContractAsync(fixture.App, billingDay: 15);
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        var customerId = await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().BillingContracts.Where(c => c.Id == contractId).Select(c => c.CustomerId).SingleAsync();
        using var link = await client.PutAsJsonAsync($"/api/v1/partner-center/customers/{tenant}/link", new { customerId });
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        return (tenant, contractId, customerId);
    }

    /// <summary>E3 at the same cost as the seed's product (72.00 a year), so the bill reads 6.60 per seat and month; E5 above it.</summary>
    private async Task SeedE3PriceAsync()
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        if (await db.PriceListEntries.AnyAsync(e => e.ProductId == E3Product))
        {
            return;
        }
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "E3", ImportedAt = ProrataApp.Now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
            Entries =
            [
                new PriceListEntry
                {
                    ProductId = E3Product, SkuId = E3Sku, Title = "Microsoft 365 E3", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US",
                    Currency = "USD", UnitPrice = 72m, ErpPrice = 86.4m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
                },
                new PriceListEntry
                {
                    ProductId = E5Product, SkuId = E5Sku, Title = "Microsoft 365 E5", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US",
                    Currency = "USD", UnitPrice = 144m, ErpPrice = 172.8m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
                },
            ],
        });
        await db.SaveChangesAsync();
    }

    private static async Task<int> PutCustomerAsync(HttpClient client, Guid customerId, string name, bool creditHold, int version)
    {
        var current = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/customers/{customerId}"))!;
        using var response = await client.PutAsJsonAsync($"/api/v1/customers/{customerId}", new
        {
            name = (string?)current["name"], currency = "USD", billingEmail = (string?)current["billingEmail"], creditHold, version,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
    }

    private async Task<Guid?> LinkedSubscriptionAsync(string partnerCenterSubscriptionId)
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().PartnerCenterSubscriptions.AsNoTracking()
            .Where(l => l.PartnerCenterSubscriptionId == partnerCenterSubscriptionId).Select(l => l.SubscriptionId).SingleAsync();
    }

    private async Task<int> SubscriptionCountAsync()
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().Subscriptions.CountAsync();
    }

    private async Task<List<LicenseChangeEntry>> LogAsync(Guid subscriptionId)
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().LicenseChangeLog.AsNoTracking()
            .Where(e => e.SubscriptionId == subscriptionId).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static string Spaced(string html) => System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " ");

    private async Task<HttpClient> SignedInOwnerAsync()
    {
        var client = fixture.Web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = ProrataApp.EmailOf(StaffRoles.Owner), ["Form.Password"] = ProrataApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The Admin Agent's consent through the app: start, Microsoft's redirect with the code, the app's callback.</summary>
    private static async Task ConsentAsync(HttpClient client)
    {
        using var start = await client.GetAsync("/api/v1/partner-center/consent");
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await noRedirect.GetAsync(start.Headers.Location);
        using var done = await client.GetAsync(authorize.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    /// <summary>A full sync each time: an incremental one reads the activity log, where a tenant without subscriptions never appears.</summary>
    private static async Task<SyncRunResponse> SyncAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/partner-center/sync-runs?wait=true&full=true", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<SyncRunResponse>())!;
        Assert.Null(run.Error);
        return run;
    }

    private async Task<JsonObject> PostSimAsync(string path, object body)
    {
        using var response = await fixture.Simulator.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.StatusCode == HttpStatusCode.NoContent ? [] : await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
    }
}
