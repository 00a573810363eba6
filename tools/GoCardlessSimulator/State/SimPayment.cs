namespace GoCardlessSimulator.State;

public sealed class SimPayment
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public required string MandateId { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string? Reference { get; init; }
    public string? Description { get; init; }
    public string? IdempotencyKey { get; init; }
    public required DateOnly ChargeDate { get; set; }
    public string Status { get; set; } = "pending_submission";

    /// <summary>Paid out once: a failure after it is a late failure, settled on the next advance.</summary>
    public bool WasPaidOut { get; set; }

    /// <summary>A late failure or chargeback already settled: nothing more happens.</summary>
    public bool Settled { get; set; }
}
