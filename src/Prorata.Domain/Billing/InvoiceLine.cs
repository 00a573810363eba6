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
    BillingItemKey? Origin);
