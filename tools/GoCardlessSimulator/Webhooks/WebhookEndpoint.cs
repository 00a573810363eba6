namespace GoCardlessSimulator.Webhooks;

/// <summary>Where webhooks go and the secret that signs them; a delivery answered other than 2xx is tried up to <see cref="MaxAttempts"/> times.</summary>
public sealed record WebhookEndpoint(Uri Url, string Secret, int MaxAttempts, TimeSpan RetryDelay);
