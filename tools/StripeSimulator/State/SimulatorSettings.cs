namespace StripeSimulator.State;

public sealed record SimulatorSettings(
    string SecretKey, string ApiVersion, TimeSpan SepaSettlement, int WebhookMaxAttempts, TimeSpan WebhookRetry);
