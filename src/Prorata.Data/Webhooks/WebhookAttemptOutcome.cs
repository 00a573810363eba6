namespace Prorata.Data.Webhooks;

/// <summary>What an attempt led to: delivered, tried again later, refused for good (3xx, 4xx), or the last attempt given up.</summary>
public enum WebhookAttemptOutcome
{
    Delivered,
    Retrying,
    Refused,
    GaveUp,
}
