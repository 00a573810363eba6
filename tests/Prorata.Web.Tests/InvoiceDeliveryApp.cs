extern alias avalara;
extern alias stripe;
extern alias gocardless;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using avalara::AvalaraSimulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Identity;
using Prorata.Domain.Catalog;
using Prorata.Testing;
using Prorata.Web.Features.Outbox;

namespace Prorata.Web.Tests;

/// <summary>
/// The real app on its own database with e-mail pointed at a <see cref="LocalSmtpServer"/> and Avalara at its simulator,
/// a frozen clock, no demo data and no outbox worker: a test runs the outbox itself (<see cref="DeliverOutboxAsync"/>), so
/// it decides when the sender runs and what it finds. One per test class; SQLite and PostgreSQL subclasses.
/// </summary>
public abstract class InvoiceDeliveryApp : IAsyncLifetime
{
    public const string Product = "TEST-MAIL";
    public const string Sku = "0001";
    private const string Password = "correct-horse-battery";
    public const string Staff = "finance-owner@northwind.example";

    private WebApplicationFactory<Program>? _web;
    private Microsoft.AspNetCore.Builder.WebApplication? _avalara;
    private Microsoft.AspNetCore.Builder.WebApplication? _stripe;
    private Microsoft.AspNetCore.Builder.WebApplication? _gocardless;

    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Now);

    public LocalSmtpServer Smtp { get; private set; } = null!;

    /// <summary>The Avalara simulator's <c>/_sim</c> controls.</summary>
    public HttpClient Avalara { get; private set; } = null!;

    /// <summary>The Stripe simulator: its hosted page and <c>/_sim</c> controls.</summary>
    public HttpClient Stripe { get; private set; } = null!;

    public const string StripeWebhookSecret = "whsec_delivery_tests";

    /// <summary>The GoCardless simulator (on the app's clock): its hosted flow and <c>/_sim</c> controls.</summary>
    public HttpClient GoCardless { get; private set; } = null!;

    public const string GoCardlessWebhookSecret = "gocardless-delivery-tests-secret";

    public IServiceProvider Services => _web!.Services;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        Smtp = await LocalSmtpServer.StartAsync();
        (_avalara, var avalaraAddress) = await SimulatorApp.StartOnLoopbackAsync([], CancellationToken.None);
        Avalara = new HttpClient { BaseAddress = avalaraAddress };
        (_stripe, var stripeAddress) = await stripe::StripeSimulator.SimulatorApp.StartOnLoopbackAsync([], CancellationToken.None);
        Stripe = new HttpClient { BaseAddress = stripeAddress };
        (_gocardless, var gocardlessAddress) = await gocardless::GoCardlessSimulator.SimulatorApp.StartOnLoopbackAsync([], CancellationToken.None, Time);
        GoCardless = new HttpClient { BaseAddress = gocardlessAddress };
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Prorata"] = await CreateDatabaseAsync(),
            ["Prorata:Billing:DailyRun"] = "false",
            ["Prorata:Dunning:DailyRun"] = "false",
            ["Prorata:SeedDemoData"] = "false",
            ["Prorata:PublicBaseUrl"] = "http://localhost",
            ["Prorata:Smtp:Host"] = Smtp.Host,
            ["Prorata:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Prorata:Smtp:Security"] = "None",
            ["Prorata:Smtp:TimeoutSeconds"] = "10",
            ["Prorata:Avalara:BaseAddress"] = avalaraAddress.ToString(),
            ["Prorata:Avalara:AccountId"] = SimulatorApp.DefaultAccountId,
            ["Prorata:Avalara:LicenseKey"] = SimulatorApp.DefaultLicenseKey,
            // One request per attempt: the simulator's 503s are counted per request, and the outbox does the retrying.
            ["Prorata:Avalara:MaxRetryAttempts"] = "0",
            ["Prorata:Avalara:AttemptTimeout"] = "00:00:05",
            ["Prorata:Avalara:TotalTimeout"] = "00:00:10",
            ["Prorata:Stripe:SecretKey"] = stripe::StripeSimulator.SimulatorApp.DefaultSecretKey,
            ["Prorata:Stripe:ApiBase"] = stripeAddress.ToString(),
            ["Prorata:Stripe:WebhookSecret"] = StripeWebhookSecret,
            // One request per attempt, as for Avalara: the outbox does the retrying, and a lost answer shows at once.
            ["Prorata:Stripe:MaxRetryAttempts"] = "0",
            ["Prorata:Stripe:TimeoutSeconds"] = "5",
            ["Prorata:GoCardless:AccessToken"] = gocardless::GoCardlessSimulator.SimulatorApp.DefaultAccessToken,
            ["Prorata:GoCardless:BaseAddress"] = gocardlessAddress.ToString(),
            ["Prorata:GoCardless:WebhookSecret"] = GoCardlessWebhookSecret,
            ["Prorata:GoCardless:MaxRetryAttempts"] = "0",
        };
        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                // The tests run the outbox themselves: a worker in the background would send behind their backs.
                services.Remove(services.Single(d => d.ImplementationType == typeof(OutboxWorkerJob)));
            });
        });
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = Staff, Email = Staff, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffRoles.Owner)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "delivery tests", ImportedAt = Now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
            Entries =
            [
                new PriceListEntry
                {
                    ProductId = Product, SkuId = Sku, Title = "Test Mail", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US",
                    Currency = "USD", UnitPrice = 120m, ErpPrice = 150m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
                },
            ],
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        Avalara.Dispose();
        await _web!.DisposeAsync();
        await _avalara!.StopAsync();
        await _avalara.DisposeAsync();
        Stripe.Dispose();
        await _stripe!.StopAsync();
        await _stripe.DisposeAsync();
        GoCardless.Dispose();
        await _gocardless!.StopAsync();
        await _gocardless.DisposeAsync();
        await Smtp.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>A client without a session: what a provider's webhook or a customer's browser is to Prorata.</summary>
    public HttpClient AnonymousClient() => _web!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as an Owner through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync()
    {
        var client = _web!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = Staff, ["Form.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>What the outbox worker does on each turn: delivers every message that is due now; returns how many it handled.</summary>
    public async Task<int> DeliverOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(50, CancellationToken.None);
    }

    public async Task<T> ReadAsync<T>(Func<ProrataDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProrataDbContext>());
    }

    /// <summary>
    /// A customer of <paramref name="legalEntityId"/> on a monthly contract billed on <paramref name="billingDay"/>, with a
    /// subscription bought now for each of <paramref name="seats"/> (16.50 a seat and month: 120.00 a year at cost, +65 %).
    /// </summary>
    public static async Task<(Guid Customer, Guid Contract)> CustomerAsync(HttpClient client, Guid legalEntityId, int billingDay, int[] seats, object customer)
    {
        var customerId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/customers", customer));
        var contractId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId, currency = "USD", billingDay, invoiceCadence = "monthly", legalEntityId,
            pricingRules = new[] { new { productId = "*", method = "markupOnCost", value = 65m } },
        }));
        foreach (var quantity in seats)
        {
            using var purchase = await client.PostAsJsonAsync("/api/v1/subscriptions",
                new { contractId, productId = Product, skuId = Sku, term = "P1Y", billingPlan = "monthly", quantity });
            Assert.True(purchase.IsSuccessStatusCode, await purchase.Content.ReadAsStringAsync());
        }
        return (customerId, contractId);
    }

    /// <summary>Runs billing for <paramref name="date"/> and returns the contract's invoice (a draft unless <paramref name="issue"/>).</summary>
    public static async Task<JsonElement> BillAsync(HttpClient client, Guid contractId, DateOnly date, bool issue)
    {
        using var run = await client.PostAsJsonAsync("/api/v1/billing-runs?wait=true", new { date = date.ToString("yyyy-MM-dd"), issue });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var invoices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?contractId={contractId}");
        var id = Assert.Single(invoices.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
    }

    public static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}

public sealed class SqliteInvoiceDeliveryApp : InvoiceDeliveryApp
{
    private readonly SqliteDatabase _database = new();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}

public sealed class PostgresInvoiceDeliveryApp : InvoiceDeliveryApp
{
    private readonly PostgresDatabase _database = new();

    protected override async Task<string> CreateDatabaseAsync()
    {
        await _database.InitializeAsync();
        return _database.ConnectionString;
    }

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}
