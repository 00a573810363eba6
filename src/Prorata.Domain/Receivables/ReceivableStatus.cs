namespace Prorata.Domain.Receivables;

/// <summary>
/// Where an issued invoice stands with the customer (billing-rules §5): <see cref="Open"/> (nothing paid, not yet due; the
/// API calls it <c>issued</c>), <see cref="PartiallyPaid"/>, <see cref="Paid"/>, <see cref="Overdue"/> (a balance after its
/// due date, partly paid or not), <see cref="Credit"/> for a negative invoice (a credit note).
/// </summary>
public enum ReceivableStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Overdue,
    Credit,
}
