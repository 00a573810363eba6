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

    // Most subscriptions never schedule a renewal change: the history is allocated on the first one.
    private List<ScheduledQuantity>? _scheduledQuantities;

    public SubscriptionStatus Status { get; internal set; } = SubscriptionStatus.Active;
    public bool AutoRenew { get; internal set; }
    public bool CalendarAligned { get; internal init; }
    public ScheduledRenewal? ScheduledRenewal { get; private set; }
    public int Quantity { get; internal set; }

    /// <summary>
    /// The last day a cancelled subscription is billed for: no period after the one containing it is billed. The day of
    /// the cancellation, or for one within 24 hours of a renewal the last day of the term before it.
    /// </summary>
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

    /// <summary>
    /// Sets or deletes the changes scheduled for the next renewal at <paramref name="at"/>, keeping the history a billing
    /// run needs: a renewal billed in advance was billed at the quantity planned then. <paramref name="beforeRun"/> marks a
    /// change made by a renewal at 00:00, which happens before that day's billing run.
    /// </summary>
    internal void Schedule(ScheduledRenewal? renewal, DateTimeOffset at, bool beforeRun = false)
    {
        if (renewal is null && ScheduledRenewal is null) return;
        ScheduledRenewal = renewal;
        (_scheduledQuantities ??= new List<ScheduledQuantity>()).Add(new ScheduledQuantity(at, beforeRun, renewal?.Quantity));
    }

    /// <summary>
    /// The quantity the next renewal was planned with, as known by a billing run at <paramref name="run"/>: the scheduled
    /// quantity, else the quantity then.
    /// </summary>
    public int PlannedQuantityAt(DateTimeOffset run)
    {
        int? scheduled = null;
        foreach (var entry in _scheduledQuantities ?? [])
            if (KnownAt(entry.At, entry.BeforeRun, run)) scheduled = entry.Quantity;
        return scheduled ?? QuantityKnownAt(run);
    }

    /// <summary>
    /// The quantity a billing run at <paramref name="run"/> knew of: changes before it, and a renewal at that very
    /// instant (renewals take effect at 00:00, before the day's run; every other event dated that day comes after it).
    /// </summary>
    public int QuantityKnownAt(DateTimeOffset run)
    {
        var quantity = 0;
        foreach (var change in Changes)
            if (IsKnownAt(change, run)) quantity += change.Delta;
        return quantity;
    }

    public static bool IsKnownAt(LicenseChange change, DateTimeOffset run) => KnownAt(change.At, change.Kind == LicenseChangeKind.Renewal, run);

    /// <summary>The offer segment a billing run at <paramref name="run"/> knew of (a renewal's at that instant included).</summary>
    public int SegmentKnownAt(DateTimeOffset run)
    {
        for (var i = Segments.Count - 1; i > 0; i--)
            if (KnownAt(Segments[i].At, Segments[i].Renewal, run)) return i;
        return 0;
    }

    private static bool KnownAt(DateTimeOffset at, bool beforeRun, DateTimeOffset run) => at < run || (beforeRun && at == run);

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

    private readonly record struct ScheduledQuantity(DateTimeOffset At, bool BeforeRun, int? Quantity);
}
