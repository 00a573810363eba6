using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// A change made in Prorata that Partner Center must receive. Exactly the fields its <see cref="Kind"/> needs are set:
/// <see cref="Subscription"/> for changes to an existing one, <see cref="Purchase"/> for a new one.
/// </summary>
public sealed record PendingPush(
    PushKind Kind,
    string CustomerId,
    bool CustomerOnCreditHold,
    SubscriptionKey? Subscription = null,
    int? Quantity = null,
    bool? AutoRenew = null,
    RenewalInstructions? Renewal = null,
    PurchaseLine? Purchase = null,
    UpgradeRequest? Upgrade = null);
