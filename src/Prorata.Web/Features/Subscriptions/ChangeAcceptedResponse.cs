namespace Prorata.Web.Features.Subscriptions;

/// <summary>
/// An accepted change: the subscription as it now stands and the log entry that records it; for a partial upgrade,
/// also the new subscription the moved seats went to.
/// </summary>
public sealed record ChangeAcceptedResponse(SubscriptionResponse Subscription, ChangeLogEntryResponse Entry)
{
    public SubscriptionResponse? NewSubscription { get; init; }
}
