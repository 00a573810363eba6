using Prorata.Data.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// A customer usage line back to Microsoft's rows: the rows it billed (with their cost and retail), and the rating
/// arithmetic — the month's cost and retail known at the invoice, the contract's rule, the rated amount, minus what
/// earlier invoices billed for the month, is <see cref="Amount"/>.
/// </summary>
public sealed record UsageLineTraceResponse(
    Guid InvoiceId,
    string? InvoiceNumber,
    DateOnly BillingDate,
    int Position,
    Guid SubscriptionId,
    DateOnly Month,
    decimal Amount,
    string Currency,
    decimal MonthCost,
    decimal MonthRetail,
    string Pricing,
    decimal Rated,
    decimal BilledBefore,
    decimal RowsCost,
    decimal RowsRetail,
    IReadOnlyList<UsageRowResponse> Rows)
{
    public static UsageLineTraceResponse From(UsageLineTrace t) => new(
        t.InvoiceId, t.InvoiceNumber, t.BillingDate, t.Position, t.SubscriptionId, t.Month, t.Amount, t.Currency, t.MonthCost, t.MonthRetail, t.Pricing,
        t.Rated, t.BilledBefore, t.Rows.Sum(r => r.BillingPreTaxTotal), t.Rows.Sum(r => r.Retail), [.. t.Rows.Select(UsageRowResponse.From)]);
}
