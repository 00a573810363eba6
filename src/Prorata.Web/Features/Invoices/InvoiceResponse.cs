using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Invoices;

/// <summary>An invoice: total = subtotal + taxTotal (billing-rules §5); taxTreatment says why it carries the tax it does.</summary>
public sealed record InvoiceResponse(
    Guid Id, string? Number, string Kind, string Status, Guid ContractId, Guid LegalEntityId, string LegalEntityName, DateOnly BillingDate, DateOnly? DueDate,
    string Currency, decimal Subtotal, decimal TaxTotal, decimal Total, string? TaxTreatment, Guid? CreditedInvoiceId, DateTimeOffset? IssuedAt,
    List<InvoiceLineResponse>? Lines)
{
    public static InvoiceResponse From(CustomerInvoice i, bool withLines) => new(
        i.Id, i.DisplayNumber, EnumText.ToWire(i.Kind), EnumText.ToWire(i.Status), i.ContractId, i.LegalEntityId, i.LegalEntityName, i.BillingDate, i.DueDate,
        i.Currency, i.Subtotal, i.TaxTotal, i.Total, i.TaxTreatment is { } t ? EnumText.ToWire(t) : null, i.CreditedInvoiceId, i.IssuedAt,
        withLines ? i.Lines.OrderBy(l => l.Position).Select(InvoiceLineResponse.From).ToList() : null);
}
