namespace Prorata.Application.Webhooks;

/// <summary>The outbox message of one delivery: the first, or a redelivery a person asked for.</summary>
public sealed record WebhookDeliveryRequest(Guid DeliveryId)
{
    public static string Key(Guid deliveryId) => $"webhook:{deliveryId}";

    public static string RedeliveryKey(Guid deliveryId, Guid redelivery) => $"webhook:{deliveryId}:{redelivery:N}";
}
