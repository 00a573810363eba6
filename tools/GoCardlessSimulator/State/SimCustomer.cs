namespace GoCardlessSimulator.State;

public sealed class SimCustomer
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? CountryCode { get; init; }
}
