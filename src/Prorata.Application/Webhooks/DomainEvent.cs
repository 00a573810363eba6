using System.Text.Json.Serialization;

namespace Prorata.Application.Webhooks;

/// <summary>
/// Something that happened, as a webhook receives it: <c>{ id, type, occurredAt, data }</c>. The id is the same on every
/// delivery and attempt, so receivers can deduplicate on it.
/// </summary>
public sealed record DomainEvent(Guid Id, string Type, DateTimeOffset OccurredAt, object Data)
{
    /// <summary>The outbox message's idempotency key: the event is queued once.</summary>
    [JsonIgnore]
    public string Key => $"event:{Id}";
}
