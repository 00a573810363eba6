using Prorata.Domain.Receivables;

namespace Prorata.Data.Receivables;

/// <summary>
/// Where an issued invoice stands: what was paid and what is left. Computed from the customer's invoices, payments,
/// reversals and refunds by <c>AccountsReceivable</c> after every change (the invoice itself is immutable), kept for
/// lists, aging and dunning. <see cref="Status"/> is never <c>Overdue</c> here: overdue is a balance after the due
/// date, asked of the date being looked at.
/// </summary>
public sealed class InvoiceReceivable
{
    public Guid InvoiceId { get; set; }

    public Guid CustomerId { get; set; }

    public Guid ContractId { get; set; }

    public Guid LegalEntityId { get; set; }

    public required string Currency { get; set; }

    public DateOnly InvoiceDate { get; set; }

    public DateOnly DueDate { get; set; }

    public decimal Total { get; set; }

    public decimal Paid { get; set; }

    public decimal Balance { get; set; }

    public ReceivableStatus Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
