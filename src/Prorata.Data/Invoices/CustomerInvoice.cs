using Prorata.Domain.Tax;

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

    public Guid LegalEntityId { get; set; }

    /// <summary>The legal entity's name when the invoice was made (the entity may be renamed later).</summary>
    public required string LegalEntityName { get; set; }

    public long? Number { get; set; }

    /// <summary>The legal entity's prefix for this kind when the number was given ("INV-", "CN-").</summary>
    public string? NumberPrefix { get; set; }

    public required string Currency { get; set; }

    /// <summary>The sum of the rounded lines.</summary>
    public decimal Subtotal { get; set; }

    /// <summary>The sum of the lines' taxes.</summary>
    public decimal TaxTotal { get; set; }

    /// <summary>Subtotal + tax: what the customer owes (billing-rules §5).</summary>
    public decimal Total { get; set; }

    /// <summary>How the tax was decided; null on invoices made before Prorata computed tax.</summary>
    public TaxTreatment? TaxTreatment { get; set; }

    /// <summary>Where the tax came from: "table" or "avalara".</summary>
    public string? TaxSource { get; set; }

    /// <summary>Seller, buyer and payment instructions as they were at issue (JSON): what the customer was sent stays what it was.</summary>
    public string? IssuedParties { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public List<CustomerInvoiceLine> Lines { get; set; } = [];

    /// <summary>The number as printed: the legal entity's prefix and its sequence of the kind (invoices and credit notes each their own).</summary>
    public string? DisplayNumber => Number is { } n ? $"{NumberPrefix ?? (Kind == InvoiceKind.CreditNote ? "CN-" : "INV-")}{n:D6}" : null;
}
