using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>What one pull read from Partner Center; <see cref="StateReadAt"/> is when reading the state began.</summary>
public sealed record PullResult(
    IReadOnlyList<PartnerCenterCustomer> Customers,
    IReadOnlyList<PartnerCenterSubscription> Subscriptions,
    IReadOnlyList<PartnerCenterAuditRecord> AuditRecords,
    bool IsFull,
    DateTimeOffset StateReadAt);
