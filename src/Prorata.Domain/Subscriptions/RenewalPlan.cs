using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>What the next term will be if the subscription renews on <see cref="On"/>: scheduled changes applied, priced from the row in force that day.</summary>
public sealed record RenewalPlan(DateOnly On, TermDuration Term, BillingPlan Plan, string ProductId, string SkuId, int Quantity, PriceListRow Row)
{
    public DateOnly End => On.AddMonths((int)Term).AddDays(-1);
}
