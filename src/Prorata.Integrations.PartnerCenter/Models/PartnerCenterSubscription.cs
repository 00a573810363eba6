namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>
/// An NCE license-based subscription as Partner Center reports it (§4.2). <see cref="CommitmentEndDate"/> is inclusive;
/// <see cref="ETag"/> identifies this version for a later conditional change.
/// </summary>
public sealed record PartnerCenterSubscription(
    string Id,
    string CustomerId,
    string OfferId,
    string ProductId,
    string SkuId,
    string? OfferName,
    string? FriendlyName,
    int Quantity,
    SubscriptionStatus Status,
    bool AutoRenewEnabled,
    string TermDuration,
    string BillingCycle,
    DateTimeOffset? CreationDate,
    DateTimeOffset? EffectiveStartDate,
    DateOnly? CommitmentEndDate,
    DateTimeOffset? CancellationAllowedUntil,
    IReadOnlyList<RefundableSeats> RefundableSeats,
    RenewalInstructions? ScheduledRenewal,
    string? MigratedFromSubscriptionId,
    string? OrderId,
    string? ETag)
{
    public int RefundableQuantity => RefundableSeats.Sum(s => s.Quantity);

    public SubscriptionKey Key => new(CustomerId, Id, ETag);
}
