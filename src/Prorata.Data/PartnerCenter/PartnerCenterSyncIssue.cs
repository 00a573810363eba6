namespace Prorata.Data.PartnerCenter;

/// <summary>
/// A sync exception for a person to look at (orphan, missing contract, missing pricing strategy, auto-renew mismatch,
/// catalog shift, credential expiring). It stays open until resolved; a later sync raising the same one adds nothing.
/// </summary>
public sealed class PartnerCenterSyncIssue
{
    public long Id { get; set; }

    /// <summary>The kind's name, e.g. <c>Orphan</c> or <c>CatalogShift</c>.</summary>
    public required string Kind { get; set; }

    public required string PartnerCenterCustomerId { get; set; }

    public string? PartnerCenterSubscriptionId { get; set; }

    /// <summary>The Prorata subscription it is about, when there is one (a provisioning failure): provisioning it later resolves it.</summary>
    public Guid? SubscriptionId { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}
