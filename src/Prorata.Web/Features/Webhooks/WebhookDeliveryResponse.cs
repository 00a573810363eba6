using System.Text.Json;
using System.Text.Json.Serialization;
using Prorata.Data.Webhooks;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Webhooks;

/// <summary>
/// One event for one webhook: its state (pending, delivered, failed), attempts so far and the last answer or error; read
/// alone, also the body it sends (<see cref="Payload"/>, as JSON) and every attempt (<see cref="Log"/>).
/// </summary>
public sealed record WebhookDeliveryResponse(Guid Id, Guid EventId, string EventType, DateTimeOffset OccurredAt, string State, int Attempts, int? LastStatusCode,
    string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Payload { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WebhookAttemptResponse>? Log { get; init; }

    public static WebhookDeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.OccurredAt, EnumText.ToWire(d.State), d.Attempts, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt);

    public static WebhookDeliveryResponse WithLog(WebhookDelivery d)
    {
        using var payload = JsonDocument.Parse(d.Payload);
        return From(d) with { Payload = payload.RootElement.Clone(), Log = d.Log.Select(WebhookAttemptResponse.From).ToList() };
    }
}
