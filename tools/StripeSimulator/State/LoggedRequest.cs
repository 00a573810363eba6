namespace StripeSimulator.State;

public sealed record LoggedRequest(string Method, string Path, string? IdempotencyKey, string? StripeVersion);
