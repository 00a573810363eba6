using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>
/// A subscription's state as the engine knows it at the current instant: its terms, the offers it has been on,
/// its license change log and its seat batches. Changed only by <see cref="SubscriptionBook"/>, under Microsoft's rules.
/// </summary>
public sealed class Subscription(string id, string contractId, SubscriptionKind kind, string? parentId)
{
    public string Id { get; } = id;
    public string ContractId { get; } = contractId;
    public SubscriptionKind Kind { get; } = kind;
    public string? ParentId { get; } = parentId;
    public List<Subscription> Children { get; } = new();

    public SubscriptionStatus Status { get; internal set; } = SubscriptionStatus.Active;
    public bool AutoRenew { get; internal set; }
    public bool CalendarAligned { get; internal init; }
    public ScheduledRenewal? ScheduledRenewal { get; internal set; }
    public int Quantity { get; internal set; }

    /// <summary>The day a cancellation took effect; no period after the one containing it is billed.</summary>
    public DateOnly? CancelledOn { get; internal set; }

    /// <summary>Cancelled within 24 hours of purchase: everything billed is credited.</summary>
    public bool FullyRefunded { get; internal set; }

    /// <summary>What Microsoft has charged net for the current term so far: the amount a full refund returns.</summary>
    public decimal ChargedThisTerm { get; internal set; }

    public List<SubscriptionTerm> Terms { get; } = new();
    public List<OfferSegment> Segments { get; } = new();
    public List<LicenseChange> Changes { get; } = new();
    public List<SeatBatch> SeatBatches { get; } = new();
    public List<UsageRecord> Usage { get; } = new();

    /// <summary>The start of the next charge cycle Microsoft has not charged yet (null once the subscription has ended).</summary>
    public DateOnly? NextCycleStart { get; internal set; }

    public SubscriptionTerm CurrentTerm => Terms[^1];
    public OfferSegment CurrentOffer => Segments[^1];
    public bool IsBundleChild => ParentId is not null;
    public bool HasEnded => Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Expired;

    public int QuantityAt(DateTimeOffset instant)
    {
        var quantity = 0;
        foreach (var change in Changes)
            if (change.At <= instant) quantity += change.Delta;
        return quantity;
    }

    public int SegmentAt(DateTimeOffset instant)
    {
        for (var i = Segments.Count - 1; i > 0; i--)
            if (Segments[i].At <= instant) return i;
        return 0;
    }

    /// <summary>Seats that may still be removed at <paramref name="at"/> (Microsoft's refundableQuantity).</summary>
    public int ReducibleQuantity(DateTimeOffset at)
    {
        var total = 0;
        foreach (var batch in SeatBatches)
            if (at <= batch.ReducibleUntil) total += batch.Quantity;
        return Math.Min(total, Quantity);
    }

    public TermDuration Term => CurrentTerm.Term;
    public BillingPlan Plan => CurrentTerm.Plan;
}
