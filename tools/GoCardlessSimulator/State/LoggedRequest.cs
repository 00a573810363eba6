namespace GoCardlessSimulator.State;

public sealed record LoggedRequest(string Method, string Path, string? IdempotencyKey, int Status);
