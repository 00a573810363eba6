namespace StripeSimulator.State;

public sealed class SimCustomer
{
    public required string Id { get; init; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public required Dictionary<string, string> Metadata { get; init; }
    public long Created { get; init; }
}
