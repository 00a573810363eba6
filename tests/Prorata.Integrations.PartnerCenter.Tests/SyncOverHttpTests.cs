using System.Net.Http.Json;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Integrations.PartnerCenter.Tests;

public sealed class SyncOverHttpTests
{
    private const string OurApplicationId = "prorata-app";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task IncrementalSync_KilledHalfWayAndRerun_EveryPortalChangeLoggedOnce()
    {
        await using var pc = await PartnerCenterHarness.StartAsync(pageSize: 7);
        await pc.PostAsync("_sim/seed", new { customers = 20, subscriptions = 60, seed = 5 });
        var pull = new PartnerCenterPull(pc.Client, pc.Clock);
        var ledger = new InMemoryLedger();
        var full = await pull.FullAsync(ledger.Cursor, 4, null, None);
        var first = SyncPlanner.Plan(ledger.InputFor(full, OurApplicationId));
        ledger.Apply(first, full.AuditRecords);
        Assert.Equal((20, 60, 0), (first.NewCustomers.Count, first.NewSubscriptions.Count, first.Changes.Count));

        await pc.AdvanceAsync(TimeSpan.FromMinutes(10));
        using var portal = await pc.Admin.PostAsJsonAsync("_sim/out-of-band/random", new { count = 10, seed = 11 });
        portal.EnsureSuccessStatusCode();
        await pc.AdvanceAsync(TimeSpan.FromMinutes(1));
        var increment = await pull.IncrementalAsync(ledger.Cursor, 4, null, None);
        var uninterrupted = SyncPlanner.Plan(ledger.InputFor(increment, OurApplicationId));
        ledger.Apply(uninterrupted, increment.AuditRecords, stopAfter: 4);
        var rerunPull = await pull.IncrementalAsync(ledger.Cursor, 4, null, None);
        ledger.Apply(SyncPlanner.Plan(ledger.InputFor(rerunPull, OurApplicationId)), rerunPull.AuditRecords);
        var again = SyncPlanner.Plan(ledger.InputFor(await pull.IncrementalAsync(ledger.Cursor, 4, null, None), OurApplicationId));

        // Ten portal operations; a suspension is two changes (status, and auto-renew turned off with it).
        Assert.Equal(10, uninterrupted.Changes.Select(c => c.AuditRecordId).Distinct().Count());
        Assert.Equal(uninterrupted.Changes, ledger.ChangeLog);
        Assert.All(ledger.ChangeLog, c => Assert.True(c.OutOfBand && c.AuditRecordId is not null));
        Assert.Empty(again.Changes);
        var current = await pc.Client.GetSubscriptionsAsync(ledger.ChangeLog[0].CustomerId, None);
        Assert.All(current, s => Assert.Equal(s.Quantity, ledger.Known[s.Id].Quantity));
    }
}
