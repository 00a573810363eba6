namespace StripeSimulator.State;

public sealed class SimCheckoutSession
{
    public required string Id { get; init; }
    public required string Customer { get; init; }
    public required string SuccessUrl { get; init; }
    public string? CancelUrl { get; init; }
    public string? Currency { get; init; }
    public required List<string> PaymentMethodTypes { get; init; }
    public required string SetupIntent { get; init; }
    public required string Url { get; init; }
    public string Status { get; set; } = "open";
    public long Created { get; init; }
    public long ExpiresAt { get; init; }
}
