using Prorata.Domain.Receivables;

namespace Prorata.Data.Receivables;

/// <summary>
/// Part of an invoice settled by a payment, a credit note or the credit balance (<see cref="SourceId"/>: the payment or
/// credit note the money came from). Computed with <see cref="InvoiceReceivable"/>, replaced as a whole for a customer
/// when anything of theirs changes.
/// </summary>
public sealed class PaymentAllocationRow
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public AllocationSource Source { get; set; }

    public Guid SourceId { get; set; }

    public Guid InvoiceId { get; set; }

    public decimal Amount { get; set; }

    public DateTimeOffset AllocatedAt { get; set; }
}
