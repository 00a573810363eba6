namespace GoCardlessSimulator.State;

public sealed class SimBankAccount
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string AccountHolderName { get; init; }
    public required string AccountNumberEnding { get; init; }
    public required string CountryCode { get; init; }
    public required string Currency { get; init; }
    public required string CustomerId { get; init; }
    public required TestAccountOutcome Outcome { get; init; }
}
