namespace Prorata.Data.Webhooks;

/// <summary>
/// One event for one webhook subscription: the body is fixed when the event is fanned out, so every attempt (and a
/// redelivery) sends the same bytes under the same event id; <see cref="Log"/> holds every attempt.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>The event's id, the same for every subscription and attempt: what receivers deduplicate on.</summary>
    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The JSON body exactly as sent (the signature covers these bytes).</summary>
    public required string Payload { get; set; }

    public WebhookDeliveryState State { get; set; }

    /// <summary>Attempts so far, redeliveries included.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the outbox tries again, while <see cref="State"/> is pending after a failed attempt.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public List<WebhookAttempt> Log { get; set; } = [];
}
