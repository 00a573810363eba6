using System.Globalization;
using Prorata.Data.Invoices;

namespace Prorata.Application.Invoices;

/// <summary>
/// A line's proration as staff read it (billing-rules §4: amount = quantity × unit price × days / period days, rounded
/// once, half away from zero). The customer's copy shows it only in the optional appendix.
/// </summary>
public static class InvoiceArithmetic
{
    public static string Of(CustomerInvoiceLine line) =>
        line.Description is not null || line.Days == line.PeriodDays
            ? string.Create(CultureInfo.InvariantCulture, $"{line.Quantity:0.##} × {line.UnitPrice:0.00####} = {line.Amount:0.00}")
            : string.Create(CultureInfo.InvariantCulture,
                $"{line.Quantity:0.##} × {line.UnitPrice:0.00####} × {line.Days}/{line.PeriodDays} days = {line.Quantity * line.UnitPrice * line.Days / line.PeriodDays:0.######} → {line.Amount:0.00}");
}
