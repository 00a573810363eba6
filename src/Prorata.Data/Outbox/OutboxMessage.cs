namespace Prorata.Data.Outbox;

/// <summary>
/// One effect on an outside system, written in the same transaction as the change that causes it and delivered by the
/// outbox worker with <see cref="IdempotencyKey"/>, retried with backoff; one that keeps failing raises a work item.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public OutboxTopic Topic { get; set; }

    /// <summary>Unique: the same effect is never queued twice, and the outside system sees the same key on every attempt.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The topic's message as JSON.</summary>
    public required string Payload { get; set; }

    public OutboxState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>A worker holds the message until then; another takes it over only after.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? SubscriptionId { get; set; }
}
