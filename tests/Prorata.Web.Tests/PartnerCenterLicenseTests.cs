extern alias simulator;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using simulator::PartnerCenterSimulator;
using simulator::PartnerCenterSimulator.Clock;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Identity;
using Prorata.Domain.Catalog;
using Prorata.Integrations.PartnerCenter;
using Prorata.Web.Features.PartnerCenter;

namespace Prorata.Web.Tests;

/// <summary>
/// Licenses read from the Partner Center simulator and the renewal they suggest, end to end on SQLite and PostgreSQL: a
/// tenant linked to a Prorata customer buys Microsoft 365 E3 through Prorata (10 seats P1M, 20 seats P1Y, both placed in
/// Partner Center and linked), its users hold 24 E3 licenses; the read maps both subscriptions to the SKU's license id
/// (provisioningId 05e9a617-…), the annual one (renewing last) takes 20 of the 24, so the monthly one, renewing
/// 2026-04-14 at 43.20 + 10 % = 47.52, keeps 4: accepting schedules 4 seats in Partner Center.
/// </summary>
public abstract class PartnerCenterLicenseTests(PartnerCenterLicenseTests.Fixture fixture)
{
    private const string E3Product = "CFQ7TTC0LFLX";
    private const string E3Sku = "0001";
    private const string E3CatalogItem = "CFQ7TTC0LFLX:0001:CFQ7TTC0K9J3";
    private const string E3LicenseSku = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task LicensesRead_LinkedSubscriptionsOfOneSku_SplitSuggestedAcceptedInPartnerCenterAndRefusedOnceRenewed()
    {
        var client = await SignedInOwnerAsync();
        await ConsentAsync(client);
        var (tenant, customerId, contractId) = await LinkedCustomerAsync(client);
        var monthly = await PurchaseAsync(client, contractId, "P1M", 10);
        var annual = await PurchaseAsync(client, contractId, "P1Y", 20);
        await PostSimAsync("_sim/licenses", new { customerId = tenant, catalogItemId = E3CatalogItem, consumedUnits = 24 });

        using var read = await client.PostAsync("/api/v1/partner-center/license-reads", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var outcome = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 2, 0), (outcome.GetProperty("tenantsRead").GetInt32(), outcome.GetProperty("subscriptionsRead").GetInt32(), outcome.GetProperty("failures").GetArrayLength()));
        await using (var scope = fixture.Web.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().LicenseUsage.AsNoTracking()
                .Where(u => u.SubscriptionId == monthly || u.SubscriptionId == annual).ToListAsync();
            Assert.Equal(
                [(annual, tenant, E3LicenseSku, "SPE_E3", 24, 30, ProrataApp.Now), (monthly, tenant, E3LicenseSku, "SPE_E3", 24, 30, ProrataApp.Now)],
                stored.Select(u => (u.SubscriptionId, u.PartnerCenterCustomerId, u.LicenseSkuId, u.SkuPartNumber, u.AssignedLicenses, u.TenantSeats, u.ReadAt))
                    .OrderBy(u => u.SubscriptionId == monthly));
        }

        var row = Assert.Single(await RowsAsync(client, customerId));
        Assert.Equal((monthly, "2026-04-14", 10, 4, 24, 2, 47.52m, "schedule", 4, "10 purchased, 4 assigned: schedule 4 at renewal"),
            (row.GetProperty("subscriptionId").GetGuid(), row.GetProperty("renewsOn").GetString(), row.GetProperty("seatsPurchased").GetInt32(),
                row.GetProperty("seatsAssigned").GetInt32(), row.GetProperty("skuAssigned").GetInt32(), row.GetProperty("skuSubscriptions").GetInt32(),
                row.GetProperty("unitPrice").GetDecimal(), row.GetProperty("suggestion").GetString(), row.GetProperty("suggestedSeats").GetInt32(),
                row.GetProperty("suggestionText").GetString()));

        using var accepted = await client.PostAsJsonAsync($"/api/v1/metrics/renewals/{monthly}/accept", new { renewsOn = "2026-04-14", seats = 4 });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var atMicrosoft = (await PartnerCenter.GetSubscriptionsAsync(tenant, None)).Single(s => s.TermDuration == "P1M");
        Assert.Equal((10, 4), (atMicrosoft.Quantity, atMicrosoft.ScheduledRenewal?.Quantity));
        Assert.Equal("scheduled", Assert.Single(await RowsAsync(client, customerId)).GetProperty("suggestion").GetString());

        // The renewal takes place at 00:00 UTC on 2026-04-14: a page read the day before can no longer be accepted.
        await AdvanceToAsync(new DateTimeOffset(2026, 4, 14, 0, 0, 0, TimeSpan.Zero));
        // A month on, the sign-in of the 14th has expired: a new one.
        client = await SignedInOwnerAsync();
        using var late = await client.PostAsJsonAsync($"/api/v1/metrics/renewals/{monthly}/accept", new { renewsOn = "2026-04-14", seats = 3 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("RenewalPassed", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private IPartnerCenter PartnerCenter => fixture.Web.Services.GetRequiredService<IPartnerCenter>();

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, Guid customerId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/renewals?within=60&customerId={customerId}")).EnumerateArray()];

    private static async Task<Guid> PurchaseAsync(HttpClient client, Guid contractId, string term, int seats)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new { contractId, productId = E3Product, skuId = E3Sku, term, billingPlan = "monthly", quantity = seats });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("provisioned", (string?)body["subscription"]!["provisioning"]);
        return Guid.Parse((string)body["subscription"]!["id"]!);
    }

    /// <summary>
    /// A tenant in the simulator, imported by a full sync and linked to a new Prorata customer, with E3's price rows as the
    /// simulator's list has them: 43.20 a month on a monthly term, 453.60 a year on an annual term billed monthly.
    /// </summary>
    private async Task<(string Tenant, Guid CustomerId, Guid ContractId)> LinkedCustomerAsync(HttpClient client)
    {
        var tenant = (string)(await PostSimAsync("_sim/customers", new { companyName = "Fabrikam Licenses", domain = "fabrikamlicenses.onmicrosoft.com", country = "US" }))["id"]!;
        using (var sync = await client.PostAsync("/api/v1/partner-center/sync-runs?wait=true&full=true", JsonContent.Create(new { })))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }
        Guid customerId, contractId;
        await using (var scope = fixture.Web.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            db.PriceListVersions.Add(new PriceListVersion
            {
                Id = Guid.NewGuid(), Name = "E3", ImportedAt = ProrataApp.Now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
                Entries = [Row(TermDuration.P1M, 43.20m), Row(TermDuration.P1Y, 453.60m)],
            });
            var (customer, contract) = RenewalsSeed.NewContract(db, ProrataApp.Now);
            await db.SaveChangesAsync();
            (customerId, contractId) = (customer.Id, contract.Id);
        }
        using var link = await client.PutAsJsonAsync($"/api/v1/partner-center/customers/{tenant}/link", new { customerId });
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        return (tenant, customerId, contractId);

        static PriceListEntry Row(TermDuration term, decimal unitPrice) => new()
        {
            ProductId = E3Product, SkuId = E3Sku, Title = "Microsoft 365 E3", Term = term, BillingPlan = BillingPlan.Monthly, Market = "US", Currency = "USD",
            UnitPrice = unitPrice, ErpPrice = unitPrice * 1.2m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
        };
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

    private async Task AdvanceToAsync(DateTimeOffset to)
    {
        fixture.App.Time.SetUtcNow(to);
        await PostSimAsync("_sim/clock/advance", new { to = to.ToString("O") });
    }

    private async Task<JsonObject> PostSimAsync(string path, object body)
    {
        using var response = await fixture.Simulator.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.StatusCode == HttpStatusCode.NoContent ? [] : await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
    }

    /// <summary>One simulator and one app (on the database the subclass names) for the class; both clocks start at <see cref="ProrataApp.Now"/>.</summary>
    public abstract class Fixture : IAsyncLifetime
    {
        private readonly string _keys = Path.Combine(Path.GetTempPath(), $"prorata-keys-{Guid.NewGuid():N}");
        private Microsoft.AspNetCore.Builder.WebApplication? _simulator;

        public InvoicingApp App { get; }

        public WebApplicationFactory<Program> Web { get; private set; } = null!;

        public HttpClient Simulator { get; private set; } = null!;

        protected Fixture(InvoicingApp app) => App = app;

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
                // The test reads licenses itself; a schedule would read them behind its back when the clock moves.
                ["PartnerCenter:Sync:LicenseReadHours"] = "0",
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

    public sealed class SqliteFixture() : Fixture(new SqliteInvoicingApp());

    public sealed class PostgresFixture() : Fixture(new PostgresInvoicingApp());
}

public sealed class SqlitePartnerCenterLicenseTests(PartnerCenterLicenseTests.SqliteFixture fixture)
    : PartnerCenterLicenseTests(fixture), IClassFixture<PartnerCenterLicenseTests.SqliteFixture>;

public sealed class PostgresPartnerCenterLicenseTests(PartnerCenterLicenseTests.PostgresFixture fixture)
    : PartnerCenterLicenseTests(fixture), IClassFixture<PartnerCenterLicenseTests.PostgresFixture>;
