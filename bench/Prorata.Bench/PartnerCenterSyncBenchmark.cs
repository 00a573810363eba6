extern alias web;

using Prorata.Application.PartnerCenter;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartnerCenterSimulator;
using PartnerCenterSimulator.Clock;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Data.Subscriptions;
using Prorata.Integrations.PartnerCenter.Sync;
using Prorata.Testing;
using web::Prorata.Web.Features.PartnerCenter;
using Prorata.Application.Subscriptions;

namespace Prorata.Bench;

/// <summary>
/// Issue 6: the Partner Center simulator seeded with 2,000 customers and 20,000 subscriptions, on 127.0.0.1 in this
/// process (so client and simulator share the CPU). (a) A full first pull and plan: every customer page, every
/// customer's subscriptions, the activity log; goal ≤ 60 s. (b) After 100 out-of-band portal changes, an incremental
/// pull and plan; goal ≤ 5 s. Then (c) and (d): the same two syncs through the app's own <see cref="PartnerCenterSync"/>,
/// pulled, planned and written into PostgreSQL (PRORATA_TEST_POSTGRES, or a throwaway cluster) — customers,
/// subscriptions, exceptions and cursor for the first, the changes with their cursor for the incremental one.
/// </summary>
/// <remarks>
/// The simulator's 500-requests-a-minute limit is lifted for the seeding and the full syncs: one subscriptions read per
/// customer makes a first sync of 2,000 customers at least 2,000 requests, four minutes of Microsoft's budget whatever
/// the client does. The incremental syncs run under the limit.
/// </remarks>
public static class PartnerCenterSyncBenchmark
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var customers = 2_000;
        var subscriptions = 20_000;
        var changes = 100;
        var parallelism = 8;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--customers": customers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--subscriptions": subscriptions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--changes": changes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--parallelism": parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: Prorata.Bench partner-center-sync [--customers N] [--subscriptions N] [--changes N] [--parallelism N]");
                    return 2;
            }
        }

        var clock = new SimulatedClock(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var (simulator, baseAddress) = await SimulatorApp.StartOnLoopbackAsync(clock, CancellationToken.None);
        await using var _ = simulator;
        using var admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        (await admin.PutAsJsonAsync("_sim/settings", new { requestsPerMinute = 0 })).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        (await admin.PostAsJsonAsync("_sim/seed", new { customers, subscriptions, seed = 42 })).EnsureSuccessStatusCode();
        Console.WriteLine($"seeded {customers} customers / {subscriptions} subscriptions in {watch.Elapsed.TotalSeconds:F2} s");

        await using var services = Services(baseAddress, clock);
        await ConsentAsync(services.GetRequiredService<PartnerCenterCredentials>());
        var pull = new PartnerCenterPull(services.GetRequiredService<IPartnerCenter>(), clock);
        var ourApplication = "prorata-bench";

        watch.Restart();
        var full = await pull.FullAsync(SyncCursor.Empty, parallelism, null, CancellationToken.None);
        var firstPlan = SyncPlanner.Plan(new SyncInput([], [], full.Customers, full.Subscriptions, full.AuditRecords, true, SyncCursor.Empty, ourApplication, full.StateReadAt));
        var fullSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"full pull + plan: {fullSeconds:F2} s — {firstPlan.NewCustomers.Count} customers, {firstPlan.NewSubscriptions.Count} subscriptions, "
            + $"{firstPlan.Issues.Count} exceptions (goal ≤ 60 s)");

        var known = firstPlan.NewSubscriptions.ToDictionary(
            s => s.Id, s => new KnownSubscription(s.Id, s.CustomerId, s.Quantity, s.Status, s.AutoRenewEnabled, true, true), StringComparer.OrdinalIgnoreCase);
        var knownCustomers = firstPlan.NewCustomers.Select(c => c.Id).ToList();
        clock.Advance(TimeSpan.FromMinutes(10));
        (await admin.PostAsJsonAsync("_sim/out-of-band/random", new { count = changes, seed = 7 })).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(1));
        (await admin.PutAsJsonAsync("_sim/settings", new { requestsPerMinute = 500 })).EnsureSuccessStatusCode();

        watch.Restart();
        var increment = await pull.IncrementalAsync(firstPlan.Cursor, parallelism, null, CancellationToken.None);
        var secondPlan = SyncPlanner.Plan(new SyncInput(
            knownCustomers, [.. known.Values], [], increment.Subscriptions, increment.AuditRecords, false, firstPlan.Cursor, ourApplication, increment.StateReadAt));
        var incrementalSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"incremental pull + plan after {changes} portal changes: {incrementalSeconds:F2} s — {increment.AuditRecords.Count} records read, "
            + $"{increment.Subscriptions.Count} subscriptions re-read, {secondPlan.Changes.Count} changes "
            + $"({secondPlan.Changes.Select(c => c.AuditRecordId).Distinct().Count()} operations) (goal ≤ 5 s)");
        var (storedFull, storedIncremental) = await StoredAsync(customers, subscriptions, changes, parallelism);
        return fullSeconds <= 60 && incrementalSeconds <= 5 && storedFull <= 60 && storedIncremental <= 5 ? 0 : 1;
    }

    /// <summary>A second simulator seeded alike, synced by the app's PartnerCenterSync into a fresh PostgreSQL database.</summary>
    private static async Task<(double Full, double Incremental)> StoredAsync(int customers, int subscriptions, int changes, int parallelism)
    {
        var ct = CancellationToken.None;
        // After the seeded Prorata log (February), so the synced changes come after the purchases they change.
        var clock = new SimulatedClock(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));
        var (simulator, baseAddress) = await SimulatorApp.StartOnLoopbackAsync(clock, ct);
        await using var _ = simulator;
        using var admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        (await admin.PutAsJsonAsync("_sim/settings", new { requestsPerMinute = 0 }, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("_sim/seed", new { customers, subscriptions, seed = 42 }, ct)).EnsureSuccessStatusCode();

        var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_pc_bench", ct)) { Pooling = true }.ConnectionString;
        try
        {
            await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
            {
                await db.Database.MigrateAsync(ct);
            }
            await using var services = Services(baseAddress, clock, connectionString, parallelism);
            await ConsentAsync(services.GetRequiredService<PartnerCenterCredentials>());

            var watch = Stopwatch.StartNew();
            SyncOutcome first;
            await using (var scope = services.CreateAsyncScope())
            {
                first = await scope.ServiceProvider.GetRequiredService<PartnerCenterSync>().RunAsync(full: true, null, ct);
            }
            var fullSeconds = watch.Elapsed.TotalSeconds;
            var (links, issues) = await CountAsync(connectionString, ct);
            Console.WriteLine($"full sync into PostgreSQL (pull, plan, write): {fullSeconds:F2} s — {first.CustomersImported} customers, {first.SubscriptionsImported} subscriptions, "
                + $"{first.IssuesRaised} exceptions; stored {links} subscription rows, {issues} open exceptions (goal ≤ 60 s)");

            // Every imported subscription linked to a Prorata one (contracts, subscriptions and their purchases by binary COPY), so
            // the portal changes are logged and billed, as once a partner has mapped its tenants.
            var linking = Stopwatch.StartNew();
            var linked = await LinkAllAsync(connectionString, customers, subscriptions, ct);
            Console.WriteLine($"linked {linked:N0} subscriptions to Prorata ones (seeded by COPY) in {linking.Elapsed.TotalSeconds:F1} s (not part of either sync)");

            clock.Advance(TimeSpan.FromMinutes(10));
            (await admin.PostAsJsonAsync("_sim/out-of-band/random", new { count = changes, seed = 7 }, ct)).EnsureSuccessStatusCode();
            clock.Advance(TimeSpan.FromMinutes(1));
            (await admin.PutAsJsonAsync("_sim/settings", new { requestsPerMinute = 500 }, ct)).EnsureSuccessStatusCode();

            watch.Restart();
            SyncOutcome second;
            await using (var scope = services.CreateAsyncScope())
            {
                second = await scope.ServiceProvider.GetRequiredService<PartnerCenterSync>().RunAsync(full: false, null, ct);
            }
            var incrementalSeconds = watch.Elapsed.TotalSeconds;
            var apiRequests = (int)(await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("_sim/stats", ct))!["apiRequests"]!;
            Console.WriteLine($"incremental sync into PostgreSQL after {changes} portal changes (under 500 requests/min): {incrementalSeconds:F2} s — "
                + $"{second.ChangesImported} change-log entries, {await UpdatedLinksAsync(connectionString, clock.GetUtcNow().AddMinutes(-11), ct)} subscription rows updated "
                + $"({apiRequests} API requests in all) (goal ≤ 5 s)");
            return (fullSeconds, incrementalSeconds);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(connectionString, ct);
        }
    }

    private static async Task<int> LinkAllAsync(string connectionString, int customers, int subscriptions, CancellationToken ct)
    {
        var seed = new BillingRunSeed(customers, Math.Max(1, subscriptions / customers), 1);
        var ids = await seed.LoadContractsAsync(connectionString, ct);
        await seed.LoadChangeLogAsync(connectionString, ids, ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var link = new NpgsqlCommand("""
            UPDATE "PartnerCenterSubscriptions" AS p SET "SubscriptionId" = s."Id"
            FROM (SELECT "PartnerCenterSubscriptionId", row_number() OVER (ORDER BY "PartnerCenterSubscriptionId") AS n FROM "PartnerCenterSubscriptions") AS pc
            JOIN (SELECT "Id", row_number() OVER (ORDER BY "Id") AS n FROM "Subscriptions") AS s ON s.n = pc.n
            WHERE p."PartnerCenterSubscriptionId" = pc."PartnerCenterSubscriptionId";
            ANALYZE;
            """, connection);
        return await link.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(int Links, int Issues)> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        return (await db.PartnerCenterSubscriptions.CountAsync(ct), await db.WorkItems.CountAsync(i => i.State == Prorata.Data.WorkItems.WorkItemState.Open, ct));
    }

    private static async Task<int> UpdatedLinksAsync(string connectionString, DateTimeOffset since, CancellationToken ct)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        return await db.PartnerCenterSubscriptions.CountAsync(l => l.UpdatedAt > since, ct);
    }

    /// <summary>The app's sync as the Web host wires it, on PostgreSQL.</summary>
    private static ServiceProvider Services(Uri baseAddress, SimulatedClock clock, string connectionString, int parallelism)
    {
        var configuration = Configuration(baseAddress);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPartnerCenter(configuration);
        services.Replace(ServiceDescriptor.Singleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
        services.AddDbContext<ProrataDbContext>(o => ProrataDatabase.Use(o, connectionString));
        services.AddSingleton(new PartnerCenterConnection(true, "prorata-bench"));
        services.AddOptions<PartnerCenterSyncOptions>().Configure(o => o.Parallelism = Math.Min(parallelism, 16));
        services.AddScoped<SubscriptionProvisioning>();
        services.AddScoped<UsageAssignment>();
        services.AddScoped<PartnerCenterSync>();
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Uri baseAddress) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["PartnerCenter:BaseAddress"] = baseAddress.ToString(),
        ["PartnerCenter:PriceSheetBaseAddress"] = baseAddress.ToString(),
        ["PartnerCenter:Authority"] = baseAddress.ToString(),
        ["PartnerCenter:TenantId"] = "partner-tenant",
        ["PartnerCenter:ApplicationId"] = "prorata-bench",
        ["PartnerCenter:ClientSecret"] = "bench-secret",
    }).Build();

    private static ServiceProvider Services(Uri baseAddress, SimulatedClock clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPartnerCenter(Configuration(baseAddress));
        services.Replace(ServiceDescriptor.Singleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
        return services.BuildServiceProvider();
    }

    private static async Task ConsentAsync(PartnerCenterCredentials credentials)
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await noRedirect.GetAsync(credentials.GetConsentUri("bench"));
        var code = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;
        await credentials.CompleteConsentAsync(code, CancellationToken.None);
    }
}
