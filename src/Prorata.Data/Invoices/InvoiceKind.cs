namespace Prorata.Data.Invoices;

public enum InvoiceKind
{
    Invoice,

    /// <summary>Credits an issued invoice line by line: the correction of an immutable invoice.</summary>
    CreditNote,
}
