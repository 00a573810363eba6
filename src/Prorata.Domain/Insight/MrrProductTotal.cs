using Prorata.Domain.Money;

namespace Prorata.Domain.Insight;

/// <summary>
/// A product's MRR and the partner's cost of it (<see cref="MrrCost"/>) in one currency at a month end: a bundle is its
/// parent's product, its children's cost included.
/// </summary>
public sealed record MrrProductTotal(string ProductId, Currency Currency, decimal Mrr, decimal MrrCost)
{
    /// <summary>Annual recurring revenue: 12 × MRR (billing-rules §5).</summary>
    public decimal Arr => 12m * Mrr;
}
