namespace StripeSimulator.State;

public sealed class SimSetupIntent
{
    public required string Id { get; init; }
    public required string Customer { get; init; }
    public required List<string> PaymentMethodTypes { get; init; }
    public string Status { get; set; } = "requires_payment_method";
    public string? PaymentMethod { get; set; }
    public string? Mandate { get; set; }
    public long Created { get; init; }
}
