using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>
/// The offer a subscription is on from <see cref="At"/>: set at purchase, at each renewal and by an upgrade.
/// <see cref="Row"/> is the price row locked for the rest of the term (null for partner products without a
/// provider row and for usage); <see cref="PriceDate"/> is the date prices were taken, for the customer's row.
/// </summary>
public sealed record OfferSegment(
    DateTimeOffset At,
    string ProductId,
    string SkuId,
    PriceListRow? Row,
    DateOnly PriceDate)
{
    public decimal CyclePrice => Row?.CyclePrice ?? 0m;

    /// <summary>Set by a renewal, which takes effect at 00:00 before that day's billing run (any other change of that instant comes after it).</summary>
    public bool Renewal { get; init; }
}
