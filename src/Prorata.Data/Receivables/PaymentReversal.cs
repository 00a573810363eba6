namespace Prorata.Data.Receivables;

/// <summary>The one reversal of a payment: who, when, why. The payment stays as it was recorded.</summary>
public sealed class PaymentReversal
{
    public Guid PaymentId { get; set; }

    public PaymentReversalReason Reason { get; set; }

    public required string Note { get; set; }

    public required string ReversedBy { get; set; }

    public DateTimeOffset ReversedAt { get; set; }
}
