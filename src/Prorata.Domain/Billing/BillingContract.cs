using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;

namespace Prorata.Domain.Billing;

/// <summary>The terms under which a customer is invoiced: currency, billing day (1..28), alignment, refunds and pricing rules.</summary>
public sealed record BillingContract(
    string Id,
    string CustomerId,
    Currency Currency,
    int BillingDay,
    ContractAlignment Alignment,
    RefundPolicy Refunds,
    IReadOnlyList<PricingRule> Pricing)
{
    /// <summary>The contract period that begins on a billing date (invoices are monthly).</summary>
    public DateOnly PeriodEndFrom(DateOnly billingDate) => billingDate.AddMonths(1).AddDays(-1);

    /// <summary>The first billing date on or after <paramref name="day"/>.</summary>
    public DateOnly BillingDateOnOrAfter(DateOnly day)
    {
        var candidate = new DateOnly(day.Year, day.Month, BillingDay);
        return candidate >= day ? candidate : candidate.AddMonths(1);
    }
}
