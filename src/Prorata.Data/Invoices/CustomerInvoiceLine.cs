using Prorata.Domain.Billing;

namespace Prorata.Data.Invoices;

/// <summary>
/// One line as the engine computed it: Amount = Quantity × UnitPrice × Days / PeriodDays, rounded once
/// (billing-rules §1). <see cref="Origin"/> is the billing item key's text (unique within the invoice); rebuilding a
/// contract's <see cref="BilledLedger"/> from stored lines is what makes the next run bill only the difference.
/// </summary>
public sealed class CustomerInvoiceLine
{
    public long Id { get; set; }

    public Guid InvoiceId { get; set; }

    public int Position { get; set; }

    public Guid SubscriptionId { get; set; }

    public InvoiceLineKind Kind { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal Amount { get; set; }

    public int Days { get; set; }

    public int PeriodDays { get; set; }

    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public string? Origin { get; set; }

    /// <summary>This line's tax, rounded on its own (billing-rules §5); negative on a credit.</summary>
    public decimal Tax { get; set; }

    /// <summary>Percent; 0 where no tax applies (see the invoice's treatment).</summary>
    public decimal TaxRate { get; set; }

    /// <summary>The tax's name as printed ("USt", "WA sales tax"); null where none applies.</summary>
    public string? TaxName { get; set; }

    /// <summary>
    /// The partner's provider cost of what the line bills (billing-rules §5, "Gross profit"), kept to 12 decimals so sums
    /// stay exact to the cent: the engine's cost of the same seats for the same days, or of a usage line's rows; 0 on a
    /// line Finance wrote (a one-off charge, a credit note: Microsoft's charge does not change); null when not known (no
    /// cost price row, or a line stored before Prorata kept costs).
    /// </summary>
    public decimal? Cost { get; set; }

    /// <summary>A free-text line Finance added (a one-off charge or credit): what it is for; null on engine lines.</summary>
    public string? Description { get; set; }
}
