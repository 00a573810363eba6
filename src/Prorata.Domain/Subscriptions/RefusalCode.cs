namespace Prorata.Domain.Subscriptions;

/// <summary>The stable codes of the changes Microsoft's rules refuse (shared/scenarios/README.md).</summary>
public static class RefusalCode
{
    public const string CancellationWindowClosed = nameof(CancellationWindowClosed);
    public const string SeatReductionWindowClosed = nameof(SeatReductionWindowClosed);
    public const string SubscriptionSuspended = nameof(SubscriptionSuspended);
    public const string SubscriptionNotActive = nameof(SubscriptionNotActive);
    public const string InvalidUpgrade = nameof(InvalidUpgrade);
    public const string UnknownSubscription = nameof(UnknownSubscription);
    public const string UnknownOffer = nameof(UnknownOffer);
    public const string InvalidQuantity = nameof(InvalidQuantity);
}
