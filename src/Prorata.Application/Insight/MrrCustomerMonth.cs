namespace Prorata.Application.Insight;

/// <summary>
/// A customer's MRR in one currency at the end of a month (billing-rules §5): the partner's cost of it, ARR = 12 × MRR,
/// the margin (MRR − cost) and how it moved from the month before (none, new, expansion, contraction, churn, reactivation).
/// </summary>
public sealed record MrrCustomerMonth(string Month, Guid CustomerId, string CustomerName, string Currency, decimal Mrr, decimal MrrCost, decimal Arr, decimal Margin,
    string Movement);
