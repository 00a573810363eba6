using Prorata.Domain.Money;

namespace Prorata.Domain.Insight;

/// <summary>A customer's MRR and the partner's cost of it (<see cref="MrrCost"/>) in one currency at a month end.</summary>
public sealed record MrrTotal(string Customer, Currency Currency, decimal Mrr, decimal MrrCost)
{
    /// <summary>Annual recurring revenue: 12 × MRR (billing-rules §5).</summary>
    public decimal Arr => 12m * Mrr;
}
