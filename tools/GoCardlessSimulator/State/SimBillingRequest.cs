namespace GoCardlessSimulator.State;

public sealed class SimBillingRequest
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Currency { get; init; }
    public required string Scheme { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string Status { get; set; } = "pending";
    public string? CustomerId { get; set; }
    public string? BankAccountId { get; set; }
    public string? MandateId { get; set; }
}
