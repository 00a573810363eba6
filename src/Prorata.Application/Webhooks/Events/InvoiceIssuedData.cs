namespace Prorata.Application.Webhooks.Events;

/// <summary>The data of <c>invoice.issued</c> and <c>creditNote.issued</c>: the document as issued, amounts in its currency.</summary>
public sealed record InvoiceIssuedData(
    Guid InvoiceId,
    string Number,
    string Kind,
    Guid? CreditedInvoiceId,
    Guid CustomerId,
    Guid ContractId,
    Guid LegalEntityId,
    string Currency,
    DateOnly BillingDate,
    DateOnly? DueDate,
    decimal Subtotal,
    decimal TaxTotal,
    decimal Total,
    DateTimeOffset IssuedAt);
