namespace Prorata.Application.Insight;

/// <summary>
/// All customers' MRR in one currency at the end of a month and how it moved: <c>Mrr = previous Mrr + New + Expansion
/// − Contraction − Churn + Reactivation</c> (each movement the sum of the customers' changes of that kind, a positive
/// amount), with the month's cost, ARR and margin. <see cref="Usage"/> is the Azure usage revenue of the calendar month,
/// reported beside MRR and never in it (billing-rules §5). Never summed across currencies.
/// </summary>
public sealed record MrrMonth(string Month, string Currency, int Customers, decimal Mrr, decimal MrrCost, decimal Arr, decimal Margin, decimal New, decimal Expansion,
    decimal Contraction, decimal Churn, decimal Reactivation, decimal Usage);
