namespace GoCardlessSimulator.State;

public sealed class SimFlow
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string BillingRequestId { get; init; }
    public required string AuthorisationUrl { get; init; }
    public string? RedirectUri { get; init; }
    public string? ExitUri { get; init; }
    public string? PrefilledCompanyName { get; init; }
    public string? PrefilledEmail { get; init; }
}
