namespace StripeSimulator.Webhooks;

/// <summary>One attempt at delivering an event; status 0 when the endpoint did not answer.</summary>
public sealed record WebhookDelivery(string EventId, string Type, int Attempt, int Status);
