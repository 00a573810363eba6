using Prorata.Integrations.PartnerCenter.Models;

namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// A subscription as Prorata holds it. <see cref="ContractExpectsAutoRenew"/> is what was sold or last decided in
/// Prorata about the term end (null when nothing says); <see cref="SoldTerm"/> and <see cref="SoldBillingCycle"/> are the
/// term and billing plan it was sold with, as Partner Center writes them ("P1Y", "monthly").
/// </summary>
public sealed record KnownSubscription(
    string SubscriptionId,
    string CustomerId,
    int Quantity,
    SubscriptionStatus Status,
    bool AutoRenewEnabled,
    bool HasContract,
    bool HasPricingStrategy,
    bool? ContractExpectsAutoRenew = null,
    string? SoldTerm = null,
    string? SoldBillingCycle = null);
