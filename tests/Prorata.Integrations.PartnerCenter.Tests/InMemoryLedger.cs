using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Integrations.PartnerCenter.Tests;

/// <summary>Stands in for Prorata's database in sync tests: known subscriptions, the license change log and the cursor.</summary>
public sealed class InMemoryLedger
{
    public HashSet<string> Customers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, KnownSubscription> Known { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<ImportedChange> ChangeLog { get; } = [];

    public SyncCursor Cursor { get; private set; } = SyncCursor.Empty;

    public SyncInput InputFor(PullResult pull, string ourApplicationId) =>
        new(Customers, [.. Known.Values], pull.Customers, pull.Subscriptions, pull.AuditRecords, pull.IsFull, Cursor, ourApplicationId, pull.StateReadAt);

    /// <summary>
    /// Applies the plan in order, storing the cursor with each record's changes as one transaction would. With
    /// <paramref name="stopAfter"/> it stops at the first transaction boundary from there, as a process killed half-way.
    /// </summary>
    public void Apply(SyncPlan plan, IReadOnlyList<PartnerCenterAuditRecord> records, int? stopAfter = null)
    {
        foreach (var c in plan.NewCustomers)
        {
            Customers.Add(c.Id);
        }
        foreach (var s in plan.NewSubscriptions)
        {
            Known[s.Id] = new KnownSubscription(s.Id, s.CustomerId, s.Quantity, s.Status, s.AutoRenewEnabled, HasContract: true, HasPricingStrategy: true);
        }
        var ordered = records.OrderBy(r => r.OperationDate).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var applied = 0;
        foreach (var batch in SyncPlanner.Batches(plan.Changes, 1))
        {
            if (applied >= stopAfter)
            {
                return;
            }
            foreach (var change in batch)
            {
                ChangeLog.Add(change);
                Known[change.SubscriptionId] = Known[change.SubscriptionId] with
                {
                    Quantity = change.ToQuantity, Status = change.ToStatus, AutoRenewEnabled = change.AutoRenewEnabled,
                };
                applied++;
            }
            if (batch[^1].AuditRecordId is { } id)
            {
                foreach (var record in ordered.TakeWhile(r => r.Id != id).Append(ordered.First(r => r.Id == id)))
                {
                    Cursor = Cursor.Advance(record);
                }
            }
        }
        Cursor = plan.Cursor;
    }
}
