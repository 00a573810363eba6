using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Receivables;

namespace Prorata.Domain.Billing;

/// <summary>
/// The terms under which a customer is invoiced: currency, billing day (1..28), alignment, refunds, pricing rules, and
/// when invoices are issued and due (billing-rules §5): every 1, 3 or 12 months (<see cref="Cadence"/>) on the billing
/// day, counted from the first billing day on or after the contract's start, due <see cref="PaymentTermsDays"/> later.
/// </summary>
public sealed record BillingContract(
    string Id,
    string CustomerId,
    Currency Currency,
    int BillingDay,
    ContractAlignment Alignment,
    RefundPolicy Refunds,
    IReadOnlyList<PricingRule> Pricing)
{
    public InvoiceCadence Cadence { get; init; } = InvoiceCadence.Monthly;

    /// <summary>The contract's start; null means the day of its first event (for stored contracts: its first log entry).</summary>
    public DateOnly? StartDate { get; init; }

    public int PaymentTermsDays { get; init; } = BillingContractRules.DefaultPaymentTermsDays;

    /// <summary>Reminders and credit hold for this contract's unpaid invoices; none unless the contract names a policy.</summary>
    public DunningPolicy Dunning { get; init; } = DunningPolicy.None;

    /// <summary>Months between two invoices: 1, 3 or 12.</summary>
    public int CadenceMonths => Cadence switch
    {
        InvoiceCadence.Quarterly => 3,
        InvoiceCadence.Annual => 12,
        _ => 1,
    };

    /// <summary>The first billing date on or after <paramref name="day"/>.</summary>
    public DateOnly BillingDateOnOrAfter(DateOnly day)
    {
        var candidate = new DateOnly(day.Year, day.Month, BillingDay);
        return candidate >= day ? candidate : candidate.AddMonths(1);
    }

    /// <summary>
    /// The first invoice date: the first billing day on or after <see cref="StartDate"/>, or without one on or after
    /// <paramref name="firstActivity"/>, the day of the contract's first event.
    /// </summary>
    public DateOnly FirstInvoiceDate(DateOnly firstActivity) => BillingDateOnOrAfter(StartDate ?? firstActivity);

    /// <summary>Whether an invoice is dated <paramref name="date"/>: the first invoice date plus a whole number of cadences.</summary>
    public bool IsBillingDate(DateOnly date, DateOnly firstActivity)
    {
        var first = FirstInvoiceDate(firstActivity);
        var months = (date.Year - first.Year) * 12 + date.Month - first.Month;
        // Billing days stop at 28, so AddMonths from the first date never clamps.
        return months >= 0 && months % CadenceMonths == 0 && first.AddMonths(months) == date;
    }

    /// <summary>The invoice dates from <paramref name="from"/> to <paramref name="until"/>, both inclusive, in order.</summary>
    public IEnumerable<DateOnly> BillingDates(DateOnly firstActivity, DateOnly from, DateOnly until)
    {
        var first = FirstInvoiceDate(firstActivity);
        for (var n = 0; ; n++)
        {
            var date = first.AddMonths(n * CadenceMonths);
            if (date > until) yield break;
            if (date >= from) yield return date;
        }
    }

    /// <summary>The last day an invoice dated <paramref name="billingDate"/> covers: [D, D.AddMonths(cadence) − 1].</summary>
    public DateOnly PeriodEndFrom(DateOnly billingDate) => billingDate.AddMonths(CadenceMonths).AddDays(-1);

    /// <summary>When an invoice dated <paramref name="billingDate"/> is due: the payment terms later.</summary>
    public DateOnly DueOn(DateOnly billingDate) => billingDate.AddDays(PaymentTermsDays);
}
