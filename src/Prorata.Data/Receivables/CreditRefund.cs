namespace Prorata.Data.Receivables;

/// <summary>Credit paid back to the customer, out of its credit balance in one currency.</summary>
public sealed class CreditRefund
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public required string Currency { get; set; }

    public decimal Amount { get; set; }

    public required string Reference { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RefundedAt { get; set; }
}
