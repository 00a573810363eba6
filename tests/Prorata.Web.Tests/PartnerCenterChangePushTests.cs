using Prorata.Application.PartnerCenter;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Identity;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Web.Features.PartnerCenter;
using Prorata.Application.Outbox;
using Prorata.Application.Subscriptions;
using Prorata.Data.Outbox;

namespace Prorata.Web.Tests;

/// <summary>
/// Staff changes through the API of a subscription linked to the Partner Center simulator: sent there before they are
/// logged. Its own app and simulator (<see cref="PartnerCenterSyncTests.Fixture"/>), so its clock moves do not reach the sync tests.
/// </summary>
public sealed class PartnerCenterChangePushTests(PartnerCenterSyncTests.Fixture fixture) : IClassFixture<PartnerCenterSyncTests.Fixture>
{
    private const string E3 = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Change_LinkedSubscription_ReductionPastWindowRefusedByMicrosoftIncreaseSentAndLoggedOnceSyncImportsNothing()
    {
        await ConsentAsync(await SignedInOwnerAsync());
        var customer = (string)(await PostSimAsync("_sim/customers", new { companyName = "Fabrikam Inc", domain = "fabrikam.onmicrosoft.com", country = "US" }))["id"]!;
        var partnerCenter = fixture.Web.Services.GetRequiredService<IPartnerCenter>();
        var purchase = await partnerCenter.PurchaseAsync(customer, [new PurchaseLine(E3, 10, "P1Y", "monthly")], None);
        Assert.True(purchase.IsSuccess, purchase.ToString());
        var key = new SubscriptionKey(customer, purchase.Value.Subscriptions[0].SubscriptionId);
        // Microsoft's seat-reduction window for the 10 seats closes; Prorata's subscription is bought after, so its own window is open.
        await AdvanceAsync(TimeSpan.FromDays(8));
        // Signed in after the eight days: the sign-in cookie would have expired.
        var client = await SignedInOwnerAsync();
        var subscriptionId = await PurchaseInProrataAsync(await BillingSeed.ContractAsync(fixture.App, billingDay: 15));
        await SyncAsync(client);
        using (var link = await client.PutAsJsonAsync($"/api/v1/partner-center/subscriptions/{key.SubscriptionId}/link", new { subscriptionId }))
        {
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }
        await AdvanceAsync(TimeSpan.FromHours(1));

        using var reduction = await client.PostAsJsonAsync($"/api/v1/subscriptions/{subscriptionId}/changes", new { type = "setQuantity", quantity = 8 });
        var problem = (await reduction.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "SeatReductionWindowClosed", "You have passed your 7-day window for reducing seats for this subscription."),
            (reduction.StatusCode, (string?)problem["code"], (string?)problem["detail"]));
        Assert.Equal((10, 10, 1), (await ProrataQuantityAsync(subscriptionId), (await partnerCenter.GetSubscriptionAsync(customer, key.SubscriptionId, None))!.Quantity,
            (await LogAsync(subscriptionId)).Count));

        using var increase = await client.PostAsJsonAsync($"/api/v1/subscriptions/{subscriptionId}/changes", new { type = "setQuantity", quantity = 12 });
        Assert.Equal(HttpStatusCode.OK, increase.StatusCode);
        Assert.Equal(12, (await partnerCenter.GetSubscriptionAsync(customer, key.SubscriptionId, None))!.Quantity);
        await AdvanceAsync(TimeSpan.FromMinutes(5));
        var sync = await SyncAsync(client);

        Assert.Equal((0, 0), (sync.ChangesImported, sync.IssuesRaised));
        var log = await LogAsync(subscriptionId);
        Assert.Equal([(1, SubscriptionEventType.Purchase, 10, ChangeSource.Staff), (2, SubscriptionEventType.SetQuantity, 12, ChangeSource.Staff)],
            log.Select(e => (e.Sequence, e.Type, e.Quantity ?? 0, e.Source)));
        Assert.Equal(12, await ProrataQuantityAsync(subscriptionId));
    }

    [Fact]
    public async Task Change_LinkedSubscription_ConsentWithoutMfa_502NamingTheConsentNothingLoggedOrSent()
    {
        await ConsentWithMfaAsync(true);
        var client = await SignedInOwnerAsync();
        await ConsentAsync(client);
        var (customer, key, subscriptionId) = await LinkedSubscriptionAsync(client, "Litware Inc", "litware.onmicrosoft.com");
        var partnerCenter = fixture.Web.Services.GetRequiredService<IPartnerCenter>();

        HttpStatusCode status;
        JsonObject problem;
        try
        {
            // An Admin Agent consents again, without MFA: Partner Center refuses every call made with that consent (900421).
            await ConsentWithMfaAsync(false);
            await ConsentAsync(client);
            using var increase = await client.PostAsJsonAsync($"/api/v1/subscriptions/{subscriptionId}/changes", new { type = "setQuantity", quantity = 12 });
            (status, problem) = (increase.StatusCode, (await increase.Content.ReadFromJsonAsync<JsonObject>())!);
        }
        finally
        {
            await ConsentWithMfaAsync(true);
            await ConsentAsync(client);
        }

        Assert.Equal((HttpStatusCode.BadGateway, "PartnerCenterMfaRequired",
                "Partner Center requires multi-factor authentication (error 900421): the stored consent was given without MFA. "
                + "An Admin Agent must consent again on the Partner Center page, signing in with MFA."),
            (status, (string?)problem["code"], (string?)problem["detail"]));
        Assert.Equal((10, 10, 1), (await ProrataQuantityAsync(subscriptionId), (await partnerCenter.GetSubscriptionAsync(customer, key.SubscriptionId, None))!.Quantity,
            (await LogAsync(subscriptionId)).Count));
    }

    [Fact]
    public async Task Change_StoppedBetweenMicrosoftsAnswerAndTheSave_TheOutboxLogsItAsAskedOnceItsLeaseEnds()
    {
        var client = await SignedInOwnerAsync();
        await ConsentAsync(client);
        var (customer, key, subscriptionId) = await LinkedSubscriptionAsync(client, "Adventure Works", "adventureworks.onmicrosoft.com");
        var partnerCenter = fixture.Web.Services.GetRequiredService<IPartnerCenter>();
        var askedAt = fixture.App.Time.GetUtcNow();

        await using (var scope = fixture.Web.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var changes = new SubscriptionChanges(services.GetRequiredService<ProrataDbContext>(), services.GetRequiredService<Data.Billing.BillingOptions>(),
                fixture.App.Time, new StopsAfterMicrosoftAnswers(services.GetRequiredService<ISubscriptionChangePush>()));
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                changes.ChangeAsync(subscriptionId, new ChangeRequest(SubscriptionEventType.SetQuantity) { Quantity = 14 }, new ChangeActor("ana@northwind.example", ChangeSource.Staff), None));
        }

        // Microsoft has 14 seats, Prorata logged nothing: the intent is all that knows.
        Assert.Equal((14, 1), ((await partnerCenter.GetSubscriptionAsync(customer, key.SubscriptionId, None))!.Quantity, (await LogAsync(subscriptionId)).Count));
        Assert.Equal(OutboxState.InFlight, (await IntentAsync(subscriptionId)).State);

        await AdvanceAsync(TimeSpan.FromMinutes(11));
        fixture.Web.Services.GetRequiredService<OutboxSignal>().Queued();
        for (var attempt = 0; attempt < 300 && (await IntentAsync(subscriptionId)).State == OutboxState.InFlight; attempt++) await Task.Delay(100);

        var intent = await IntentAsync(subscriptionId);
        Assert.Equal((OutboxState.Delivered, (string?)null), (intent.State, intent.LastError));
        var entry = (await LogAsync(subscriptionId))[^1];
        Assert.Equal((2, SubscriptionEventType.SetQuantity, 14, askedAt, "ana@northwind.example", ChangeSource.Staff),
            (entry.Sequence, entry.Type, entry.Quantity, entry.At, entry.Actor, entry.Source));
        Assert.Equal(14, await ProrataQuantityAsync(subscriptionId));
        // The next sync finds Microsoft and Prorata agreeing: nothing to import.
        Assert.Equal(0, (await SyncAsync(client)).ChangesImported);
    }

    private async Task<OutboxMessage> IntentAsync(Guid subscriptionId)
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().Outbox.AsNoTracking()
            .SingleAsync(m => m.SubscriptionId == subscriptionId && m.Topic == OutboxTopic.PartnerCenterChange);
    }

    /// <summary>The process stopping right after Partner Center answered, before Prorata saved: the real push, then a throw.</summary>
    private sealed class StopsAfterMicrosoftAnswers(ISubscriptionChangePush push) : ISubscriptionChangePush
    {
        public async Task<Domain.Subscriptions.Refusal?> PushAsync(CustomerSubscription subscription, LicenseChangeEntry entry, CancellationToken cancellationToken)
        {
            Assert.Null(await push.PushAsync(subscription, entry, cancellationToken));
            throw new InvalidOperationException("stopped between Microsoft's answer and the save");
        }

        public Task<PurchasePlacement> PlaceAsync(Guid customerId, CustomerSubscription subscription, int quantity, bool autoRenew, CancellationToken cancellationToken) =>
            push.PlaceAsync(customerId, subscription, quantity, autoRenew, cancellationToken);

        public Task<Domain.Subscriptions.Refusal?> SetQuantityAsync(CustomerSubscription subscription, CancellationToken cancellationToken) => push.SetQuantityAsync(subscription, cancellationToken);
    }

    /// <summary>
    /// A tenant in the simulator with 10 seats of E3 bought there, seen by a sync and linked to a Prorata subscription of
    /// 10 seats on a new contract.
    /// </summary>
    private async Task<(string Customer, SubscriptionKey Key, Guid SubscriptionId)> LinkedSubscriptionAsync(HttpClient client, string company, string domain)
    {
        var customer = (string)(await PostSimAsync("_sim/customers", new { companyName = company, domain, country = "US" }))["id"]!;
        var purchase = await fixture.Web.Services.GetRequiredService<IPartnerCenter>().PurchaseAsync(customer, [new PurchaseLine(E3, 10, "P1Y", "monthly")], None);
        Assert.True(purchase.IsSuccess, purchase.ToString());
        var key = new SubscriptionKey(customer, purchase.Value.Subscriptions[0].SubscriptionId);
        var subscriptionId = await PurchaseInProrataAsync(await BillingSeed.ContractAsync(fixture.App, billingDay: 15));
        await SyncAsync(client);
        using var link = await client.PutAsJsonAsync($"/api/v1/partner-center/subscriptions/{key.SubscriptionId}/link", new { subscriptionId });
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        return (customer, key, subscriptionId);
    }

    private async Task ConsentWithMfaAsync(bool withMfa)
    {
        using var settings = await fixture.Simulator.PutAsJsonAsync("_sim/settings", new { consentWithMfa = withMfa });
        settings.EnsureSuccessStatusCode();
    }

    private async Task<int> ProrataQuantityAsync(Guid subscriptionId)
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId)).Quantity;
    }

    private async Task<List<LicenseChangeEntry>> LogAsync(Guid subscriptionId)
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().LicenseChangeLog.AsNoTracking()
            .Where(e => e.SubscriptionId == subscriptionId).OrderBy(e => e.Sequence).ToListAsync();
    }

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

    private async Task<Guid> PurchaseInProrataAsync(Guid contractId)
    {
        await using var scope = fixture.Web.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<SubscriptionChanges>();
        var outcome = await changes.PurchaseAsync(new PurchaseRequest(contractId, BillingSeed.Product, BillingSeed.Sku, TermDuration.P1Y, BillingPlan.Monthly, 10),
            new ChangeActor("tests", ChangeSource.Staff), None);
        return outcome.Subscription!.Id;
    }

    private static async Task<SyncRunResponse> SyncAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/partner-center/sync-runs?wait=true", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<SyncRunResponse>())!;
        Assert.Null(run.Error);
        return run;
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        fixture.App.Time.Advance(by);
        await PostSimAsync("_sim/clock/advance", new { seconds = by.TotalSeconds });
    }

    private async Task<JsonObject> PostSimAsync(string path, object body)
    {
        using var response = await fixture.Simulator.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
    }
}
