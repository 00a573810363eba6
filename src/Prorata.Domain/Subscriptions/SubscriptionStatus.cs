namespace Prorata.Domain.Subscriptions;

public enum SubscriptionStatus
{
    Active,
    Suspended,
    Cancelled,
    Expired,
}
