using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// A subscription as Prorata holds it. <see cref="ContractExpectsAutoRenew"/> is what the customer's contract says
/// should happen at term end (null when the contract leaves it open).
/// </summary>
public sealed record KnownSubscription(
    string SubscriptionId,
    string CustomerId,
    int Quantity,
    SubscriptionStatus Status,
    bool AutoRenewEnabled,
    bool HasContract,
    bool HasPricingStrategy,
    bool? ContractExpectsAutoRenew = null);
