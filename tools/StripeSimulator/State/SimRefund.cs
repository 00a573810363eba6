namespace StripeSimulator.State;

public sealed class SimRefund
{
    public required string Id { get; init; }
    public required string PaymentIntent { get; init; }
    public required string Charge { get; init; }
    public long Amount { get; init; }
    public required string Currency { get; init; }
    public string Status { get; set; } = "succeeded";
    public long Created { get; init; }
}
