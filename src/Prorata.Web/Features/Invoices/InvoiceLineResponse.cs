using Prorata.Data.Invoices;
using Prorata.Domain.Billing;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Invoices;

/// <summary>
/// One line with its arithmetic: amount = quantity × unitPrice × days / periodDays, rounded once; tax = amount × taxRate %, rounded once. A usage line names
/// where its Microsoft usage rows and rating are (<see cref="UsageTrace"/>).
/// </summary>
public sealed record InvoiceLineResponse(
    int Position, Guid SubscriptionId, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal UnitPrice, int Days, int PeriodDays,
    decimal Amount, string ProductId, string SkuId, string? Origin, string Arithmetic, string? UsageTrace, decimal Tax, decimal TaxRate, string? TaxName,
    string? Description)
{
    public static InvoiceLineResponse From(CustomerInvoiceLine l) => new(
        l.Position, l.SubscriptionId, EnumText.ToWire(l.Kind), l.PeriodStart, l.PeriodEnd, l.Quantity, l.UnitPrice, l.Days, l.PeriodDays, l.Amount,
        l.ProductId, l.SkuId, l.Origin, InvoiceView.Arithmetic(l),
        l.Kind == InvoiceLineKind.Usage ? $"/api/v1/usage-lines/{l.InvoiceId}/{l.Position}" : null, l.Tax, l.TaxRate, l.TaxName, l.Description);
}
