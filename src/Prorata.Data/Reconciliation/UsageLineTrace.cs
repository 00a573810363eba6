namespace Prorata.Data.Reconciliation;

/// <summary>
/// A customer usage invoice line traced back to Microsoft's usage rows (billing-rules.md §6). <see cref="Rows"/> are the
/// rows this line billed: those of the plan and month imported after the previous usage line of the same month and
/// before this invoice's date (a billing run dated D bills what was imported before D 00:00). The arithmetic: the
/// month's rows known at this invoice (<see cref="MonthCost"/>, <see cref="MonthRetail"/>) rated by
/// <see cref="Pricing"/> give <see cref="Rated"/>; minus what earlier invoices billed for the month
/// (<see cref="BilledBefore"/>) is the line's amount.
/// </summary>
public sealed record UsageLineTrace(
    Guid InvoiceId,
    string? InvoiceNumber,
    DateOnly BillingDate,
    int Position,
    Guid SubscriptionId,
    DateOnly Month,
    decimal Amount,
    string Currency,
    IReadOnlyList<UsageRow> Rows,
    decimal MonthCost,
    decimal MonthRetail,
    string Pricing,
    decimal Rated,
    decimal BilledBefore);
