namespace Prorata.Data.Webhooks;

/// <summary>One POST of a delivery: when, what the endpoint answered (or why there was no answer), how long it took.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }

    public Guid DeliveryId { get; set; }

    /// <summary>1, 2, 3… per delivery, redeliveries continuing the count.</summary>
    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The HTTP status the endpoint answered; null when it did not answer (timeout, connection refused).</summary>
    public int? StatusCode { get; set; }

    public int DurationMs { get; set; }

    public WebhookAttemptOutcome Outcome { get; set; }

    public string? Error { get; set; }
}
