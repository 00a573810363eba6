using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Identity;
using Prorata.Data.Outbox;
using Prorata.Domain.Catalog;
using Prorata.Testing;
using Prorata.Web.Features.Outbox;

namespace Prorata.Web.Tests;

/// <summary>
/// The real app for the webhook tests, on SQLite or PostgreSQL: a frozen clock, one staff user per role, no demo data and
/// no outbox worker — a test runs the outbox itself (<see cref="DeliverAsync"/>), so it decides when deliveries go out and
/// moves the clock past each wait. Each test starts with no webhook (<see cref="ResetAsync"/>) and its own receiver.
/// </summary>
public abstract class WebhookApp : IAsyncLifetime
{
    public const string Product = "TEST-HOOK";
    public const string Sku = "0001";

    private WebApplicationFactory<Program>? _web;

    public FakeTimeProvider Time { get; } = new(ProrataApp.Now);

    public IServiceProvider Services => _web!.Services;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        var connection = await CreateDatabaseAsync();
        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Prorata", connection);
            builder.UseSetting("Prorata:SeedDemoData", "false");
            builder.UseSetting("Prorata:Billing:DailyRun", "false");
            builder.UseSetting("Prorata:Dunning:DailyRun", "false");
            builder.UseSetting("Prorata:PublicBaseUrl", "http://localhost");
            builder.UseSetting("Prorata:Webhooks:TimeoutSeconds", "10");
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                // The tests run the outbox themselves: a worker in the background would deliver behind their backs.
                services.Remove(services.Single(d => d.ImplementationType == typeof(OutboxWorkerJob)));
            });
        });
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var role in StaffRoles.All)
        {
            var user = new StaffUser { UserName = ProrataApp.EmailOf(role), Email = ProrataApp.EmailOf(role), EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, ProrataApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "webhook tests", ImportedAt = ProrataApp.Now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
            Entries =
            [
                new PriceListEntry
                {
                    ProductId = Product, SkuId = Sku, Title = "Test Hook", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US",
                    Currency = "USD", UnitPrice = 120m, ErpPrice = 150m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
                },
            ],
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _web!.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>A client signed in through the real sign-in form as a staff user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInAsAsync(string role)
    {
        var client = _web!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = ProrataApp.EmailOf(role), ["Form.Password"] = ProrataApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>No webhook and nothing of theirs left in the outbox: each test starts from there.</summary>
    public async Task ResetAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            await db.WebhookSubscriptions.ExecuteDeleteAsync();
            await db.Outbox.Where(m => m.Topic == OutboxTopic.DomainEvent || m.Topic == OutboxTopic.WebhookDelivery).ExecuteDeleteAsync();
        }
        await DeliverAsync();
    }

    /// <summary>What the outbox worker does on each turn: delivers what is due now; returns how many messages it handled.</summary>
    public async Task<int> DeliverOnceAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(50, CancellationToken.None);
    }

    /// <summary>Turns of the outbox until nothing is due (a fan-out's deliveries are due on the next turn); returns the messages handled.</summary>
    public async Task<int> DeliverAsync()
    {
        var handled = 0;
        for (var turn = await DeliverOnceAsync(); turn > 0; turn = await DeliverOnceAsync()) handled += turn;
        return handled;
    }

    /// <summary>Registers a webhook and returns the answer: the subscription with its secret, shown this once.</summary>
    public static async Task<JsonElement> CreateWebhookAsync(HttpClient owner, string url, string[] eventTypes, bool active = true, string? description = null)
    {
        using var response = await owner.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes, description, active });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A new customer through the API (a <c>customer.changed</c> event); returns its id.</summary>
    public static async Task<Guid> CustomerAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/customers", new { name, currency = "USD", billingEmail = "payables@fabrikam.example" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<T> ReadAsync<T>(Func<ProrataDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProrataDbContext>());
    }
}

public sealed class SqliteWebhookApp : WebhookApp
{
    private readonly SqliteDatabase _database = new();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}

public sealed class PostgresWebhookApp : WebhookApp
{
    private readonly PostgresDatabase _database = new();

    protected override async Task<string> CreateDatabaseAsync()
    {
        await _database.InitializeAsync();
        return _database.ConnectionString;
    }

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}

/// <summary>One app per database for the webhook test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteWebhookCollection : ICollectionFixture<SqliteWebhookApp>
{
    public const string Name = "webhooks on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresWebhookCollection : ICollectionFixture<PostgresWebhookApp>
{
    public const string Name = "webhooks on PostgreSQL";
}
