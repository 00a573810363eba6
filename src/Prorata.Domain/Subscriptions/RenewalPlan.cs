using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>What the next term will be if the subscription renews on <see cref="On"/>: scheduled changes applied, priced from the row in force that day.</summary>
/// <remarks>The new term keeps the subscription's original <see cref="Anchor"/>, <see cref="OffsetMonths"/> after it.</remarks>
public sealed record RenewalPlan(DateOnly On, DateOnly Anchor, int OffsetMonths, TermDuration Term, BillingPlan Plan, string ProductId, string SkuId, int Quantity, PriceListRow Row)
{
    public DateOnly End => Anchor.AddMonths(OffsetMonths + (int)Term).AddDays(-1);
}
