namespace GoCardlessSimulator.State;

public sealed class SimMandate
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Reference { get; init; }
    public required string Scheme { get; init; }
    public required string Currency { get; init; }
    public required string CustomerId { get; init; }
    public required string BankAccountId { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string Status { get; set; } = "pending_submission";
}
