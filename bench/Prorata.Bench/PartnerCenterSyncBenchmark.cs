using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartnerCenterSimulator;
using PartnerCenterSimulator.Clock;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Bench;

/// <summary>
/// Issue 6: the Partner Center simulator seeded with 2,000 customers and 20,000 subscriptions, on 127.0.0.1 in this
/// process (so client and simulator share the CPU). (a) A full first pull and plan: every customer page, every
/// customer's subscriptions, the activity log; goal ≤ 60 s. (b) After 100 out-of-band portal changes, an incremental
/// pull and plan; goal ≤ 5 s. Writing the plan to the database is not measured yet (the Data layer is not there).
/// </summary>
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

        watch.Restart();
        var increment = await pull.IncrementalAsync(firstPlan.Cursor, parallelism, null, CancellationToken.None);
        var secondPlan = SyncPlanner.Plan(new SyncInput(
            knownCustomers, [.. known.Values], [], increment.Subscriptions, increment.AuditRecords, false, firstPlan.Cursor, ourApplication, increment.StateReadAt));
        var incrementalSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"incremental pull + plan after {changes} portal changes: {incrementalSeconds:F2} s — {increment.AuditRecords.Count} records read, "
            + $"{increment.Subscriptions.Count} subscriptions re-read, {secondPlan.Changes.Count} changes "
            + $"({secondPlan.Changes.Select(c => c.AuditRecordId).Distinct().Count()} operations) (goal ≤ 5 s)");
        return fullSeconds <= 60 && incrementalSeconds <= 5 ? 0 : 1;
    }

    private static ServiceProvider Services(Uri baseAddress, SimulatedClock clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerCenter:BaseAddress"] = baseAddress.ToString(),
            ["PartnerCenter:PriceSheetBaseAddress"] = baseAddress.ToString(),
            ["PartnerCenter:Authority"] = baseAddress.ToString(),
            ["PartnerCenter:TenantId"] = "partner-tenant",
            ["PartnerCenter:ApplicationId"] = "prorata-bench",
            ["PartnerCenter:ClientSecret"] = "bench-secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPartnerCenter(configuration);
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
