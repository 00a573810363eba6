using Microsoft.EntityFrameworkCore;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Simulation;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Usage enters the billing engine as change-log usage entries: one per Azure plan, day and meter, all dated when
/// Prorata learned of them (so a billing run dated D bills what was known at D 00:00), each plan's sequence continued.
/// </summary>
internal static class UsageLogEntries
{
    public static async Task AppendAsync(ProrataDbContext db, Dictionary<(Guid Plan, DateOnly Day, string Meter), (decimal Cost, decimal Retail)> days,
        DateTimeOffset at, string actor, CancellationToken cancellationToken)
    {
        var planIds = days.Keys.Select(k => k.Plan).Distinct().ToList();
        var subscriptions = await db.Subscriptions.Where(s => planIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var ((plan, day, meter), (cost, retail)) in days.OrderBy(d => d.Key.Plan).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.Meter, StringComparer.Ordinal))
        {
            var subscription = subscriptions[plan];
            subscription.ChangeCount++;
            subscription.UpdatedAt = at;
            db.LicenseChangeLog.Add(new LicenseChangeEntry
            {
                SubscriptionId = plan,
                Sequence = subscription.ChangeCount,
                Type = ScenarioEventType.Usage,
                At = at,
                RecordedAt = at,
                Actor = actor,
                Source = ChangeSource.UsageFile,
                UsageDate = day,
                Meter = meter,
                Cost = cost,
                Retail = retail,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The meter a row is summed under: its id, or its name when the file has no id.</summary>
    public static string MeterOf(string meterId, string meterName) => meterId.Length > 0 ? meterId : meterName;
}
