using Prorata.Data.Invoices;
using Prorata.Data.Receivables;
using Prorata.Domain.Contracts;
using Prorata.Domain.Receivables;

namespace Prorata.Web.Features.Invoices;

/// <summary>An invoice: total = subtotal + taxTotal (billing-rules §5); taxTreatment says why it carries the tax it does.</summary>
public sealed record InvoiceResponse(
    Guid Id, string? Number, string Kind, string Status, Guid ContractId, Guid LegalEntityId, string LegalEntityName, DateOnly BillingDate, DateOnly? DueDate,
    string Currency, decimal Subtotal, decimal TaxTotal, decimal Total, string? TaxTreatment, Guid? CreditedInvoiceId, DateTimeOffset? IssuedAt,
    List<InvoiceLineResponse>? Lines)
{
    /// <summary>What was paid of it (payments, credit notes, credit); null until the receivables have taken an issued invoice in.</summary>
    public decimal? Paid { get; init; }

    public decimal? Balance { get; init; }

    public Guid? CustomerId { get; init; }

    public string? CustomerName { get; init; }

    /// <summary>issued, partiallyPaid, paid, overdue (a balance after the due date) or credit (a credit note); null for a draft or a void invoice.</summary>
    public string? PaymentStatus { get; init; }

    public InvoiceResponse WithReceivable(InvoiceReceivable? r, DateOnly today) => r is null || Status is "void" or "draft" ? this : this with
    {
        Paid = r.Paid,
        Balance = r.Balance,
        PaymentStatus = r.Status == ReceivableStatus.Credit ? "credit" : r.Balance == 0 ? "paid" : r.DueDate < today ? "overdue"
            : r.Status == ReceivableStatus.PartiallyPaid ? "partiallyPaid" : "issued",
    };

    public static InvoiceResponse From(CustomerInvoice i, bool withLines) => new(
        i.Id, i.DisplayNumber, EnumText.ToWire(i.Kind), EnumText.ToWire(i.Status), i.ContractId, i.LegalEntityId, i.LegalEntityName, i.BillingDate, i.DueDate,
        i.Currency, i.Subtotal, i.TaxTotal, i.Total, i.TaxTreatment is { } t ? EnumText.ToWire(t) : null, i.CreditedInvoiceId, i.IssuedAt,
        withLines ? i.Lines.OrderBy(l => l.Position).Select(InvoiceLineResponse.From).ToList() : null);
}
