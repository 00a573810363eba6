namespace GoCardlessSimulator.State;

public sealed record Credentials(string AccessToken);
