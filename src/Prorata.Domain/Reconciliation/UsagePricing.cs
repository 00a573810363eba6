namespace Prorata.Domain.Reconciliation;

/// <summary>
/// How a contract prices Azure usage (microsoft-csp.md §6.5): <see cref="UsagePricingBasis.MarkupOnCost"/> adds
/// <see cref="Percent"/> to the partner's cost; <see cref="UsagePricingBasis.DiscountOffRetail"/> takes it off retail.
/// </summary>
public sealed record UsagePricing(UsagePricingBasis Basis, decimal Percent);
