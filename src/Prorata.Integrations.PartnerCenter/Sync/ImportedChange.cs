using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// A change made in Partner Center that Prorata's license change log must record (and bill). <see cref="OutOfBand"/> is
/// true when someone other than Prorata made it; <see cref="AuditRecordId"/> is null when only the state showed it
/// (no activity-log record, e.g. older than Microsoft's 90 days) and <see cref="EffectiveAt"/> is then the time it was seen.
/// </summary>
public sealed record ImportedChange(
    string CustomerId,
    string SubscriptionId,
    ChangeKind Kind,
    int FromQuantity,
    int ToQuantity,
    SubscriptionStatus FromStatus,
    SubscriptionStatus ToStatus,
    bool AutoRenewEnabled,
    DateTimeOffset EffectiveAt,
    bool OutOfBand,
    string? AuditRecordId,
    string? ChangedBy);
