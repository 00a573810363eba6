namespace Prorata.Data.Invoices;

/// <summary>
/// An invoice of one billing contract for one billing date (unique together), or a credit note of an issued one.
/// <see cref="Number"/> is assigned when it is issued, from its legal entity's sequence, in the same transaction, so
/// issued invoices have no gaps.
/// </summary>
public sealed class CustomerInvoice
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public DateOnly BillingDate { get; set; }

    public InvoiceKind Kind { get; set; }

    /// <summary>The invoice a credit note credits.</summary>
    public Guid? CreditedInvoiceId { get; set; }

    public InvoiceStatus Status { get; set; }

    public required string LegalEntityName { get; set; }

    public long? Number { get; set; }

    public required string Currency { get; set; }

    /// <summary>The sum of the rounded lines.</summary>
    public decimal Total { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public List<CustomerInvoiceLine> Lines { get; set; } = [];

    /// <summary>The number as printed: per legal entity, credit notes in the same sequence.</summary>
    public string? DisplayNumber => Number is { } n ? $"{(Kind == InvoiceKind.CreditNote ? "CN" : "INV")}-{n:D6}" : null;
}
