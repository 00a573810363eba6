using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// What to write to Prorata's database, in order: customers and subscriptions to import, changes for the license
/// change log (oldest first), exceptions to show, and the cursor to store with them.
/// </summary>
public sealed record SyncPlan(
    IReadOnlyList<PartnerCenterCustomer> NewCustomers,
    IReadOnlyList<PartnerCenterSubscription> NewSubscriptions,
    IReadOnlyList<ImportedChange> Changes,
    IReadOnlyList<SyncIssue> Issues,
    SyncCursor Cursor);
