namespace Prorata.Data.Invoices;

/// <summary>
/// The last number a legal entity gave an invoice, or a credit note: each kind has its own gap-free sequence. Issuing
/// increments it in the invoice's own transaction (the row lock serializes concurrent issuers), so a rolled-back
/// invoice never consumes a number.
/// </summary>
public sealed class DocumentNumberSequence
{
    public Guid LegalEntityId { get; set; }

    public InvoiceKind Kind { get; set; }

    public long LastNumber { get; set; }
}
