using Microsoft.EntityFrameworkCore;

namespace Prorata.Data.Reconciliation;

/// <summary>
/// Usage imported before Prorata knew its Azure plan (a Partner Center subscription not linked yet) is billed once it
/// does: the waiting rows are assigned to the plan and summed per day and meter into change-log usage entries dated
/// now, so the next billing run bills them in arrears (a month already invoiced is corrected on the next invoice). Runs
/// after staff link a subscription and after every sync; only rows still unassigned are taken, so it is safe to repeat.
/// </summary>
public sealed class UsageAssignment(ProrataDbContext db, TimeProvider time)
{
    /// <returns>The rows assigned.</returns>
    public async Task<int> AssignWaitingAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.UsageRows.AsNoTracking().Where(r => r.PlanSubscriptionId == null).Select(r => r.SubscriptionId).Distinct().ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var plans = await AzurePlanIds.ByFileIdAsync(db, cancellationToken);
        var known = waiting.Where(plans.ContainsKey).ToList();
        if (known.Count == 0)
        {
            return 0;
        }
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var rows = await db.UsageRows.Where(r => r.PlanSubscriptionId == null && known.Contains(r.SubscriptionId)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                row.PlanSubscriptionId = plans[row.SubscriptionId];
                row.LoggedAt = now;
            }
            var assigned = rows.GroupBy(r => r.ImportId).ToDictionary(g => g.Key, g => g.Count());
            foreach (var import in await db.UsageImports.Where(i => assigned.Keys.Contains(i.Id)).ToListAsync(cancellationToken))
            {
                import.UnassignedRows -= assigned[import.Id];
            }
            var days = rows
                .GroupBy(r => (Plan: r.PlanSubscriptionId!.Value, Day: r.UsageDate, Meter: UsageLogEntries.MeterOf(r.MeterId, r.MeterName)))
                .ToDictionary(g => g.Key, g => (Cost: g.Sum(r => r.BillingPreTaxTotal), Retail: g.Sum(r => r.Retail)));
            await UsageLogEntries.AppendAsync(db, days, now, "usage assigned to its Azure plan", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A change of one of the plans took the next sequence first: the rows stay waiting for the next sync or link.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
