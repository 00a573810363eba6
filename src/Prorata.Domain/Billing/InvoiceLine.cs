namespace Prorata.Domain.Billing;

/// <summary>
/// One invoice line. Amount = Quantity × UnitPrice × Days / PeriodDays, rounded once, half away from zero
/// (billing-rules.md §1); <see cref="Days"/> and <see cref="PeriodDays"/> show the proration arithmetic.
/// An adjustment's quantity is the signed change. <see cref="Origin"/> is the billing item the line bills;
/// a <see cref="InvoiceLineKind.Credit"/> line has none: it credits everything billed for the subscription.
/// </summary>
public sealed record InvoiceLine(
    string Subscription,
    InvoiceLineKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Quantity,
    decimal UnitPrice,
    decimal Amount,
    int Days,
    int PeriodDays,
    string ProductId,
    string SkuId,
    BillingItemKey? Origin)
{
    /// <summary>
    /// The partner's cost of what the line bills, exact, in the line's currency (billing-rules §5, "Gross profit"): the
    /// same seats for the same days at the offer's cost per cycle, or a usage line's rows' cost; signed like the line.
    /// Null when it is not known (no price row in the contract's currency, or a line correcting one billed without it).
    /// </summary>
    public decimal? Cost { get; init; }
}
