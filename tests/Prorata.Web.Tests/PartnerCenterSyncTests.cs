extern alias simulator;

using Prorata.Application.PartnerCenter;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using simulator::PartnerCenterSimulator;
using simulator::PartnerCenterSimulator.Clock;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Identity;
using Prorata.Data.Subscriptions;
using Prorata.Data.WorkItems;
using Prorata.Domain.Catalog;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Web.Features.PartnerCenter;
using Prorata.Application.Subscriptions;
using Prorata.Application.Billing;

namespace Prorata.Web.Tests;

/// <summary>
/// The app wired to the Partner Center simulator on a free 127.0.0.1 port (both clocks frozen at the same instant and
/// moved together), with its own SQLite database: consent through the app's endpoints, sync through the app's service,
/// then a billing run over what the sync logged.
/// </summary>
public sealed class PartnerCenterSyncTests(PartnerCenterSyncTests.Fixture fixture) : IClassFixture<PartnerCenterSyncTests.Fixture>
{
    private const string E3 = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private static readonly CancellationToken None = CancellationToken.None;

    private ProrataApp _app => fixture.App;

    private WebApplicationFactory<Program> _web => fixture.Web;

    private HttpClient _admin => fixture.Simulator;

    [Fact]
    public async Task Sync_OutOfBandSeatIncrease_OneSyncEntryBilledOnNextInvoiceAndRerunImportsNothing()
    {
        var client = await SignedInOwnerAsync();
        await ConsentAsync(client);
        var customer = await PostSimAsync("_sim/customers", new { companyName = "Contoso Ltd", domain = "contoso.onmicrosoft.com", country = "US" });
        var partnerCenter = _web.Services.GetRequiredService<IPartnerCenter>();
        var purchase = await partnerCenter.PurchaseAsync((string)customer["id"]!, [new PurchaseLine(E3, 10, "P1Y", "monthly")], None);
        Assert.True(purchase.IsSuccess, purchase.ToString());
        var pcSubscription = purchase.Value.Subscriptions[0].SubscriptionId;
        var contractId = await BillingSeed.ContractAsync(_app, billingDay: 15);
        var subscriptionId = await PurchaseInProrataAsync(contractId);

        var first = await SyncAsync(client);
        Assert.Equal((true, 1, 1, 0, 1), (first.Full, first.CustomersImported, first.SubscriptionsImported, first.ChangesImported, first.IssuesRaised));
        using (var link = await client.PutAsJsonAsync($"/api/v1/partner-center/subscriptions/{pcSubscription}/link", new { subscriptionId }))
        {
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }
        await AdvanceAsync(TimeSpan.FromHours(1));
        await PostSimAsync("_sim/out-of-band", new { customerId = (string)customer["id"]!, subscriptionId = pcSubscription, kind = "quantity", quantity = 12, userPrincipalName = "admin@contoso.onmicrosoft.com" });
        await AdvanceAsync(TimeSpan.FromMinutes(5));

        var second = await SyncAsync(client);
        var rerun = await SyncAsync(client);

        Assert.Equal((false, 1, 0), (second.Full, second.ChangesImported, second.IssuesRaised));
        Assert.Equal(0, rerun.ChangesImported);
        var page = System.Text.RegularExpressions.Regex.Replace(await client.GetStringAsync("/partner-center"), @"\s+", " ");
        Assert.Contains("Incremental sync finished at 2026-03-14 10:35:00 UTC: 0 changes imported, 0 exceptions raised", page);
        Assert.Contains("Open exceptions (0)", page);
        await using var scope = _web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var synced = await db.LicenseChangeLog.AsNoTracking().Where(e => e.SubscriptionId == subscriptionId && e.Source == ChangeSource.Sync).ToListAsync();
        var entry = Assert.Single(synced);
        Assert.Equal((SubscriptionEventType.SetQuantity, 12, 2, "admin@contoso.onmicrosoft.com"), (entry.Type, entry.Quantity, entry.Sequence, entry.Actor));
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 10, 30, 0, TimeSpan.Zero), entry.At);
        Assert.Equal(12, (await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId)).Quantity);

        var billing = scope.ServiceProvider.GetRequiredService<BillingRunner>();
        await billing.RunAsync(new DateOnly(2026, 3, 15), issue: false, null, None);
        var lines = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.SubscriptionId == subscriptionId)
            .Select(l => new { l.Quantity, l.PeriodStart, l.PeriodEnd, l.Amount, l.Origin })
            .ToListAsync();
        // The two seats added on the 14th: 6.60 × 2 × 1/28 days of the contract month Feb 15 – Mar 14 = 0.47; then 12 seats × 6.60 ahead.
        Assert.Contains((2m, new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 14), 0.47m, $"ev{entry.Id}:Quantity"),
            lines.Select(l => (l.Quantity, l.PeriodStart, l.PeriodEnd, l.Amount, l.Origin!.Split('|')[4])));
        Assert.Contains((12m, new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 14), 79.20m),
            lines.Select(l => (l.Quantity, l.PeriodStart, l.PeriodEnd, l.Amount)));
    }

    [Fact]
    public async Task Sync_AutoRenewTurnedOffInMicrosoftsPortal_LoggedAsTheFactAndRaisedAsAMismatchWithWhatWasSold()
    {
        var client = await SignedInOwnerAsync();
        await ConsentAsync(client);
        var customer = (string)(await PostSimAsync("_sim/customers", new { companyName = "Tailspin Toys", domain = "tailspin.onmicrosoft.com", country = "US" }))["id"]!;
        var partnerCenter = _web.Services.GetRequiredService<IPartnerCenter>();
        var purchase = await partnerCenter.PurchaseAsync(customer, [new PurchaseLine(E3, 10, "P1Y", "monthly")], None);
        Assert.True(purchase.IsSuccess, purchase.ToString());
        var pcSubscription = purchase.Value.Subscriptions[0].SubscriptionId;
        var subscriptionId = await PurchaseInProrataAsync(await BillingSeed.ContractAsync(_app, billingDay: 15));
        await SyncAsync(client);
        using (var link = await client.PutAsJsonAsync($"/api/v1/partner-center/subscriptions/{pcSubscription}/link", new { subscriptionId }))
        {
            Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        }
        await AdvanceAsync(TimeSpan.FromHours(1));
        await PostSimAsync("_sim/out-of-band", new { customerId = customer, subscriptionId = pcSubscription, kind = "autoRenew", enabled = false, userPrincipalName = "it@tailspin.onmicrosoft.com" });
        await AdvanceAsync(TimeSpan.FromMinutes(5));

        var sync = await SyncAsync(client);

        Assert.Equal((1, 1), (sync.ChangesImported, sync.IssuesRaised));
        await using var scope = _web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var entry = await db.LicenseChangeLog.AsNoTracking().SingleAsync(e => e.SubscriptionId == subscriptionId && e.Source == ChangeSource.Sync);
        Assert.Equal((SubscriptionEventType.SetAutoRenew, false, "it@tailspin.onmicrosoft.com"), (entry.Type, entry.Enabled, entry.Actor));
        var mismatch = await db.WorkItems.AsNoTracking().SingleAsync(i => i.PartnerCenterSubscriptionId == pcSubscription && i.State == WorkItemState.Open);
        Assert.Equal((WorkItemKind.SyncIssue, "AutoRenewMismatch"), (mismatch.Kind, mismatch.Code));
        Assert.Equal($"Sold with auto-renew on, but Partner Center has it off for subscription {pcSubscription}: it will expire at term end while the customer expects it to renew.",
            mismatch.Message);
    }

    [Fact]
    public async Task ConsentCallback_StateNotGivenToThisBrowser_400AndNoCredentialStored()
    {
        var client = await SignedInOwnerAsync();
        var before = await StoredCredentialAsync();
        using var start = await client.GetAsync("/api/v1/partner-center/consent");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        using var forged = await client.GetAsync("/api/v1/partner-center/consent/callback?code=stolen&state=forged");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await StoredCredentialAsync());
    }

    private async Task<string?> StoredCredentialAsync()
    {
        await using var scope = _web.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().PartnerCenterCredentials.AsNoTracking().FirstOrDefaultAsync();
        return row is null ? null : Convert.ToBase64String(row.ProtectedValue);
    }

    private async Task<HttpClient> SignedInOwnerAsync()
    {
        var client = _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = ProrataApp.EmailOf(StaffRoles.Owner), ["Form.Password"] = ProrataApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The Admin Agent's consent through the app: start, Microsoft's redirect with the code, the app's callback.</summary>
    private async Task ConsentAsync(HttpClient client)
    {
        using var start = await client.GetAsync("/api/v1/partner-center/consent");
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorize = await noRedirect.GetAsync(start.Headers.Location);
        var callback = authorize.Headers.Location!;
        using var done = await client.GetAsync(callback.PathAndQuery);
        Assert.Equal((HttpStatusCode.Redirect, "/partner-center"), (done.StatusCode, done.Headers.Location?.OriginalString));
    }

    private async Task<Guid> PurchaseInProrataAsync(Guid contractId)
    {
        await using var scope = _web.Services.CreateAsyncScope();
        var changes = scope.ServiceProvider.GetRequiredService<SubscriptionChanges>();
        var outcome = await changes.PurchaseAsync(new PurchaseRequest(contractId, BillingSeed.Product, BillingSeed.Sku, TermDuration.P1Y, BillingPlan.Monthly, 10),
            new ChangeActor("tests", ChangeSource.Staff), None);
        return outcome.Subscription!.Id;
    }

    private async Task<SyncRunResponse> SyncAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/partner-center/sync-runs?wait=true", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<SyncRunResponse>())!;
        Assert.Null(run.Error);
        return run;
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        _app.Time.Advance(by);
        await PostSimAsync("_sim/clock/advance", new { seconds = by.TotalSeconds });
    }

    private async Task<JsonObject> PostSimAsync(string path, object body)
    {
        using var response = await _admin.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
    }

    /// <summary>One simulator and one app for the class: starting them costs more than the tests.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly string _keys = Path.Combine(Path.GetTempPath(), $"prorata-keys-{Guid.NewGuid():N}");
        private Microsoft.AspNetCore.Builder.WebApplication? _simulator;

        public ProrataApp App { get; } = new();

        public WebApplicationFactory<Program> Web { get; private set; } = null!;

        public HttpClient Simulator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            (_simulator, var address) = await SimulatorApp.StartOnLoopbackAsync(new SimulatedClock(ProrataApp.Now), CancellationToken.None);
            Simulator = new HttpClient { BaseAddress = address };
            // The app's clock is frozen: a pending order would wait forever between polls, so orders complete at once.
            using (var settings = await Simulator.PutAsJsonAsync("_sim/settings", new { orderPendingPolls = 0 }))
            {
                settings.EnsureSuccessStatusCode();
            }
            await ((IAsyncLifetime)App).InitializeAsync();
            var configuration = new Dictionary<string, string>
            {
                ["PartnerCenter:BaseAddress"] = address.ToString(),
                ["PartnerCenter:PriceSheetBaseAddress"] = address.ToString(),
                ["PartnerCenter:Authority"] = address.ToString(),
                ["PartnerCenter:TenantId"] = "partner-tenant",
                ["PartnerCenter:ApplicationId"] = "prorata-app",
                ["PartnerCenter:ClientSecret"] = "test-secret",
                ["PartnerCenter:RedirectUri"] = "http://localhost/api/v1/partner-center/consent/callback",
                ["PartnerCenter:RetryDelay"] = "00:00:00.010",
                ["PartnerCenter:Sync:IntervalMinutes"] = "0",
                ["Prorata:DataProtection:KeysDirectory"] = _keys,
            };
            Web = App.WithWebHostBuilder(builder =>
            {
                foreach (var (key, value) in configuration)
                {
                    builder.UseSetting(key, value);
                }
            });
        }

        public async Task DisposeAsync()
        {
            Simulator.Dispose();
            await Web.DisposeAsync();
            await ((IAsyncLifetime)App).DisposeAsync();
            await _simulator!.StopAsync();
            await _simulator.DisposeAsync();
            if (Directory.Exists(_keys))
            {
                Directory.Delete(_keys, recursive: true);
            }
        }
    }
}
