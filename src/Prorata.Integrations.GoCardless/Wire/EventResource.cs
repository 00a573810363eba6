namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record EventResource(string Id, DateTimeOffset CreatedAt, string ResourceType, string Action, EventLinks? Links, EventDetails? Details);
