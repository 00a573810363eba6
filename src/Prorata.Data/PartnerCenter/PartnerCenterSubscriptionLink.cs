namespace Prorata.Data.PartnerCenter;

/// <summary>
/// A subscription seen in Partner Center and the Prorata subscription that bills it. While <see cref="SubscriptionId"/>
/// is null (imported, not yet on a contract) the quantity, status and auto-renew kept here are the last state seen, so
/// the next sync compares against it; once linked, the Prorata subscription's change log is the state.
/// </summary>
public sealed class PartnerCenterSubscriptionLink
{
    public required string PartnerCenterSubscriptionId { get; set; }

    public required string PartnerCenterCustomerId { get; set; }

    public required string OfferId { get; set; }

    public string? OfferName { get; set; }

    public int Quantity { get; set; }

    /// <summary>Partner Center's status name (active, suspended, deleted, expired…).</summary>
    public required string Status { get; set; }

    public bool AutoRenew { get; set; }

    public Guid? SubscriptionId { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
