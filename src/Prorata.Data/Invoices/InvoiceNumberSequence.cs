namespace Prorata.Data.Invoices;

/// <summary>
/// The last number a legal entity issued. Issuing increments it in the invoice's own transaction (the row lock
/// serializes concurrent issuers), so a rolled-back invoice never consumes a number.
/// </summary>
public sealed class InvoiceNumberSequence
{
    public required string LegalEntityName { get; set; }

    public long LastNumber { get; set; }
}
