namespace Prorata.Application.Insight;

/// <summary>
/// One issued invoice or credit note line with its gross profit: amount − provider cost (null when the cost is not known),
/// the margin as a percentage of the amount, and how much it bills short of its margin floor (null when it does not).
/// </summary>
public sealed record GrossProfitLineRow(
    Guid InvoiceId,
    string? InvoiceNumber,
    DateOnly InvoiceDate,
    Guid CustomerId,
    string CustomerName,
    Guid ContractId,
    Guid SubscriptionId,
    int Position,
    string Kind,
    string ProductId,
    string SkuId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Quantity,
    string Currency,
    decimal Amount,
    decimal? Cost,
    decimal? GrossProfit,
    decimal? MarginPercent,
    decimal? FloorShortfall);
