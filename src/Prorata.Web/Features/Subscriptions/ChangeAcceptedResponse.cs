namespace Prorata.Web.Features.Subscriptions;

/// <summary>An accepted change: the subscription as it now stands and the log entry that records it.</summary>
public sealed record ChangeAcceptedResponse(SubscriptionResponse Subscription, ChangeLogEntryResponse Entry);
