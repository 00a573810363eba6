namespace Prorata.Domain.Reconciliation;

/// <summary>
/// One customer usage line: an Azure plan subscription for one calendar month, quantity 1 (scenarios/README.md).
/// <see cref="Cost"/> is Σ BillingPreTaxTotal, <see cref="Retail"/> Σ PricingPreTaxTotal × PCToBCExchangeRate, both
/// unrounded; <see cref="Amount"/> is rounded once, half away from zero (billing-rules.md §1).
/// <see cref="SourceRows"/> are the usage-file rows it came from. <see cref="Unpriced"/> marks a subscription no rule
/// priced, billed at retail and to be raised as MissingPricingStrategy, never silently at cost (billing-rules.md §2).
/// </summary>
public sealed record RatedUsage(
    string Subscription,
    DateOnly Month,
    decimal Cost,
    decimal Retail,
    decimal Amount,
    string Currency,
    IReadOnlyList<long> SourceRows,
    bool Unpriced);
