using System.Text.Json;
using Prorata.Data;
using Prorata.Data.Outbox;

namespace Prorata.Application.Outbox;

/// <summary>Queues an effect on an outside system in the caller's unit of work: it is written with the change that causes it, or not at all.</summary>
public static class OutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage Enqueue<T>(ProrataDbContext db, OutboxTopic topic, string idempotencyKey, T payload, DateTimeOffset now,
        Guid? customerId = null, Guid? subscriptionId = null)
    {
        var message = new OutboxMessage
        {
            Topic = topic,
            IdempotencyKey = idempotencyKey,
            Payload = JsonSerializer.Serialize(payload, Json),
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            CustomerId = customerId,
            SubscriptionId = subscriptionId,
        };
        db.Outbox.Add(message);
        return message;
    }

    public static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, Json) ?? throw new InvalidOperationException($"Outbox message {message.Id} has no {typeof(T).Name}.");
}
