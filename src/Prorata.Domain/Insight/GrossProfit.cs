namespace Prorata.Domain.Insight;

/// <summary>
/// Gross profit of an invoice line (billing-rules §5): its amount − the partner's cost of the same seats for the same
/// days, that cost computed exactly (never rounded on the way); of a usage line, its amount − Σ cost of its rows. The
/// result is exact: round it once, for a person, with the customer rounding.
/// </summary>
public static class GrossProfit
{
    /// <summary>quantity × cost per cycle × days ÷ period days, exact; a signed quantity gives a signed cost.</summary>
    public static decimal CostOfSeats(decimal quantity, decimal costPerCycle, int days, int periodDays) =>
        quantity * costPerCycle * days / periodDays;

    /// <summary>A usage line's cost: the sum of its rows' cost.</summary>
    public static decimal CostOfUsage(IEnumerable<decimal> rowCosts) => rowCosts.Sum();

    public static decimal Of(decimal amount, decimal cost) => amount - cost;
}
