namespace Prorata.Domain.Subscriptions;

/// <summary>What a <see cref="SubscriptionEvent"/> does. The member names are stored as text in the change log: never rename one.</summary>
public enum SubscriptionEventType
{
    Purchase,
    SetQuantity,
    Cancel,
    Suspend,
    Reactivate,
    SetAutoRenew,
    ScheduleRenewal,
    Upgrade,
    Usage,
}
