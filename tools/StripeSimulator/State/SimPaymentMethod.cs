namespace StripeSimulator.State;

public sealed class SimPaymentMethod
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Customer { get; set; }
    public string? BillingName { get; init; }
    public string? CardNumber { get; init; }
    public string? Brand { get; init; }
    public int ExpMonth { get; init; }
    public int ExpYear { get; init; }
    public string? Iban { get; init; }
    public long Created { get; init; }
    public string Last4 => (CardNumber ?? Iban ?? "")[^4..];
}
