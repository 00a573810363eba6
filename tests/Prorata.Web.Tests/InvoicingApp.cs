using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prorata.Data.Identity;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// The real app for the invoicing tests (legal entities, tax, credit notes, e-invoices), on SQLite or on PostgreSQL, with
/// the same frozen clock and staff users as <see cref="ProrataApp"/> but without the demo partner: the tests create
/// every legal entity, customer and rate they bill, so an expected tax depends on nothing else in the database.
/// </summary>
public abstract class InvoicingApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = "";

    public FakeTimeProvider Time { get; } = new(ProrataApp.Now);

    /// <summary>Creates the empty database and returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Prorata", _connectionString);
        builder.UseSetting("Prorata:SeedDemoData", "false");
        // Tests start their billing runs themselves; the daily job would bill behind their backs.
        builder.UseSetting("Prorata:Billing:DailyRun", "false");
        builder.UseSetting("Prorata:Dunning:DailyRun", "false");
        builder.UseSetting("Prorata:PublicBaseUrl", "http://localhost");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        // Before the server starts: ConfigureWebHost reads the connection string.
        _connectionString = await CreateDatabaseAsync();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var role in StaffRoles.All)
        {
            var user = new StaffUser { UserName = ProrataApp.EmailOf(role), Email = ProrataApp.EmailOf(role), EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, ProrataApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>A client signed in through the real sign-in form as a staff user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInAsAsync(string role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await ProrataApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = ProrataApp.EmailOf(role), ["Form.Password"] = ProrataApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

public sealed class SqliteInvoicingApp : InvoicingApp
{
    private readonly SqliteDatabase _database = new();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_database.ConnectionString);

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}

public sealed class PostgresInvoicingApp : InvoicingApp
{
    private readonly PostgresDatabase _database = new();

    protected override async Task<string> CreateDatabaseAsync()
    {
        await _database.InitializeAsync();
        return _database.ConnectionString;
    }

    protected override Task DropDatabaseAsync() => _database.DisposeAsync();
}

/// <summary>One app per database for all invoicing test classes; each test makes its own legal entities, so numbers start at 1 for it.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteInvoicingCollection : ICollectionFixture<SqliteInvoicingApp>
{
    public const string Name = "invoicing on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresInvoicingCollection : ICollectionFixture<PostgresInvoicingApp>
{
    public const string Name = "invoicing on PostgreSQL";
}
