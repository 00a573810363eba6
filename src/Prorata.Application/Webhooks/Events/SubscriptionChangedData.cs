namespace Prorata.Application.Webhooks.Events;

/// <summary>
/// The data of <c>subscription.changed</c>: one entry of the subscription's license change log (a purchase, a seat change,
/// a cancellation…) and the subscription as it stands after it. Usage entries of Azure plans are not events.
/// </summary>
public sealed record SubscriptionChangedData(
    Guid SubscriptionId,
    Guid ContractId,
    Guid? CustomerId,
    int Sequence,
    string Change,
    DateTimeOffset EffectiveAt,
    string Source,
    int? Quantity,
    string Status,
    int Seats,
    bool AutoRenew,
    string ProductId,
    string SkuId,
    bool AwaitingProvisioning);
