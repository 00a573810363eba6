namespace StripeSimulator.State;

public sealed class SimPaymentIntent
{
    public required string Id { get; init; }
    public long Amount { get; init; }
    public long AmountReceived { get; set; }
    public required string Currency { get; init; }
    public string? Customer { get; init; }
    public string? PaymentMethod { get; init; }
    public string? PaymentMethodType { get; init; }
    public string? Description { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string Status { get; set; } = "requires_payment_method";
    public SimPaymentError? LastPaymentError { get; set; }
    public string? LatestCharge { get; set; }
    public string? IdempotencyKey { get; init; }
    public DateTimeOffset? ProcessingSince { get; set; }
    public long Created { get; init; }
    public long Sequence { get; init; }
}
