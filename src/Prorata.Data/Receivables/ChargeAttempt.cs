namespace Prorata.Data.Receivables;

/// <summary>
/// One attempt to collect an invoice from a saved payment method. (<see cref="InvoiceId"/>, <see cref="Attempt"/>) is
/// unique and gives the provider's idempotency key, so a repeated or settled attempt can never charge twice.
/// </summary>
public sealed class ChargeAttempt
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public Guid CustomerId { get; set; }

    public int Attempt { get; set; }

    public Guid PaymentMethodId { get; set; }

    public PaymentProvider Provider { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    public required string IdempotencyKey { get; set; }

    public ChargeState State { get; set; }

    public string? ProviderPaymentId { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }
}
