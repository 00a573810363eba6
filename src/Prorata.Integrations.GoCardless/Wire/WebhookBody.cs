namespace Prorata.Integrations.GoCardless.Wire;

/// <summary>A webhook's body: <c>{"events": [...]}</c>.</summary>
internal sealed record WebhookBody(List<EventResource>? Events);
