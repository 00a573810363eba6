namespace Prorata.Domain.Reconciliation;

public enum UsagePricingBasis
{
    MarkupOnCost,
    DiscountOffRetail,
}
