using Prorata.Data.Invoices;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Invoices;

public sealed record InvoiceResponse(
    Guid Id, string? Number, string Kind, string Status, Guid ContractId, string LegalEntityName, DateOnly BillingDate, DateOnly? DueDate,
    string Currency, decimal Total, Guid? CreditedInvoiceId, DateTimeOffset? IssuedAt, List<InvoiceLineResponse>? Lines)
{
    public static InvoiceResponse From(CustomerInvoice i, bool withLines) => new(
        i.Id, i.DisplayNumber, EnumText.ToWire(i.Kind), EnumText.ToWire(i.Status), i.ContractId, i.LegalEntityName, i.BillingDate, i.DueDate,
        i.Currency, i.Total, i.CreditedInvoiceId, i.IssuedAt, withLines ? i.Lines.OrderBy(l => l.Position).Select(InvoiceLineResponse.From).ToList() : null);
}
