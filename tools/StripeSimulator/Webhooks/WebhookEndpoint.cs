namespace StripeSimulator.Webhooks;

public sealed record WebhookEndpoint(Uri Url, string Secret);
