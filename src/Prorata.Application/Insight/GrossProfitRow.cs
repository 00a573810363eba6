namespace Prorata.Application.Insight;

/// <summary>
/// The gross profit of a customer, product, contract or month in one currency (billing-rules §5): the lines' amount, the
/// provider cost Prorata expected for the same seats and days, and what is left. <see cref="AmountWithoutCost"/> is billed
/// on lines whose cost is not known; it is left out of the cost, the gross profit and the margin rather than counted as all
/// profit. Once Microsoft's recon files are in, <see cref="MicrosoftDifference"/> is what Microsoft charged beyond what was
/// expected for the group's subscriptions (less for charges it did not make), and the reconciled figures take it in; null
/// when no recon line covers the group.
/// </summary>
public sealed record GrossProfitRow(
    string Key,
    string Name,
    string Currency,
    int Lines,
    decimal Amount,
    decimal Cost,
    decimal GrossProfit,
    decimal? MarginPercent,
    decimal AmountWithoutCost,
    decimal? MicrosoftDifference,
    decimal? ReconciledCost,
    decimal? ReconciledGrossProfit);
