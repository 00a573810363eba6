namespace Prorata.Domain.Subscriptions;

/// <summary>
/// An immutable entry of a subscription's license change log: the seats gained or lost at an instant, on which
/// offer segment. The quantity at any instant is the sum of the deltas up to it. <see cref="Date"/> is the day
/// the change takes effect for proration (the event's UTC date). <see cref="EventId"/> ties the entries of one
/// change together (the credit and the charge of an upgrade).
/// </summary>
public sealed record LicenseChange(
    string EventId,
    LicenseChangeKind Kind,
    DateTimeOffset At,
    DateOnly Date,
    int Delta,
    int Segment)
{
    /// <summary>Names the change among the items of an invoice: the event and the side of it (an upgrade has two).</summary>
    public string Source => _source ??= $"{EventId}:{Kind}";

    private string? _source;

    /// <summary>Decreases of these kinds are credited only under a prorated refund policy; upgrades always are.</summary>
    public bool FollowsRefundPolicy => Kind is LicenseChangeKind.Quantity or LicenseChangeKind.Cancellation;
}
