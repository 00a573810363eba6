namespace Prorata.Domain.Subscriptions;

/// <summary>
/// A fact that could not be applied at all (billing-rules: facts are recorded, never refused on the NCE rules): the
/// subscription does not exist or has ended, no price row exists to price it, or its quantity is impossible. The rest
/// of the timeline goes on; a person must look at this one. <see cref="AtStake"/> estimates what it would bill per
/// charge cycle (seats × the last customer price known for the subscription, in the contract's currency); null when
/// nothing is known to price it with.
/// </summary>
public sealed record ReplayProblem(SubscriptionEvent Event, RefusalCode Code, string Message, Money.Money? AtStake);
