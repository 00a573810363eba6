using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// Everything one sync decision needs. <see cref="Current"/> is Partner Center's state of the subscriptions read in this
/// pull: all of them when <see cref="IsFullPull"/>, otherwise those the activity log pointed at. <see cref="Now"/> is
/// when reading that state began.
/// </summary>
public sealed record SyncInput(
    IReadOnlyCollection<string> KnownCustomerIds,
    IReadOnlyList<KnownSubscription> Known,
    IReadOnlyList<PartnerCenterCustomer> Customers,
    IReadOnlyList<PartnerCenterSubscription> Current,
    IReadOnlyList<PartnerCenterAuditRecord> AuditRecords,
    bool IsFullPull,
    SyncCursor Cursor,
    string OurApplicationId,
    DateTimeOffset Now);
