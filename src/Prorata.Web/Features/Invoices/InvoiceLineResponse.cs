using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Invoices;

/// <summary>One line with its arithmetic: amount = quantity × unitPrice × days / periodDays, rounded once.</summary>
public sealed record InvoiceLineResponse(
    Guid SubscriptionId, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal UnitPrice, int Days, int PeriodDays,
    decimal Amount, string ProductId, string SkuId, string? Origin, string Arithmetic)
{
    public static InvoiceLineResponse From(CustomerInvoiceLine l) => new(
        l.SubscriptionId, EnumText.ToWire(l.Kind), l.PeriodStart, l.PeriodEnd, l.Quantity, l.UnitPrice, l.Days, l.PeriodDays, l.Amount,
        l.ProductId, l.SkuId, l.Origin, InvoiceDocument.Arithmetic(l));
}
