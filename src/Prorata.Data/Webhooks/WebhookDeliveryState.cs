namespace Prorata.Data.Webhooks;

/// <summary>
/// Pending (waiting for its first attempt or a retry), Delivered (the endpoint answered 2xx), Failed (refused with a
/// 3xx or 4xx, still failing after the outbox's last attempt, or its subscription was deactivated): a person redelivers.
/// </summary>
public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}
