namespace Prorata.Data.Receivables;

/// <summary>
/// Money a customer paid. Never edited: a payment recorded by mistake, or one the bank failed or charged back, gets a
/// <see cref="PaymentReversal"/>, and the allocations are computed again without it. A provider's payment is recorded
/// once (<see cref="Provider"/> + <see cref="ProviderPaymentId"/> is unique), however often its webhook arrives.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public required string Currency { get; set; }

    public decimal Amount { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public PaymentMethodKind Method { get; set; }

    /// <summary>The bank or cheque reference Finance typed, or the provider's payment id.</summary>
    public required string Reference { get; set; }

    /// <summary>The invoice the customer said it pays, if any.</summary>
    public Guid? InvoiceId { get; set; }

    public PaymentProvider Provider { get; set; }

    public string? ProviderPaymentId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public PaymentReversal? Reversal { get; set; }
}
