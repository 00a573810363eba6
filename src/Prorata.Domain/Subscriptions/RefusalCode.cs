namespace Prorata.Domain.Subscriptions;

/// <summary>
/// Why a change was refused. The names are the stable codes the API, the simulator and stored records write as text:
/// never rename one. The first eight are Microsoft's NCE rules as the engine applies them; the rest are answers of
/// Partner Center itself, which the shell reports in the same vocabulary.
/// </summary>
public enum RefusalCode
{
    CancellationWindowClosed,
    SeatReductionWindowClosed,
    SubscriptionSuspended,
    SubscriptionNotActive,
    InvalidUpgrade,
    UnknownSubscription,

    /// <summary>No price-list row in force for the offer.</summary>
    UnknownOffer,
    InvalidQuantity,

    /// <summary>A payment or refund Prorata cannot take: an amount ≤ 0, a currency the customer has no invoice in, more than the credit.</summary>
    InvalidPayment,

    /// <summary>Partner Center's subscription changed since Prorata last read it.</summary>
    ChangedInPartnerCenter,

    /// <summary>Partner Center is renewing the subscription and takes no change meanwhile.</summary>
    RenewalInProgress,

    /// <summary>Partner Center does not know the subscription.</summary>
    NotFound,

    /// <summary>Partner Center refused for a reason Prorata has no code of its own for (its message is kept).</summary>
    PartnerCenterRefused,

    /// <summary>The offer is not in Partner Center's catalog for the partner's market.</summary>
    NotInPartnerCenterCatalog,

    /// <summary>Partner Center could not be reached or answered unexpectedly: not a rule (the API answers 502).</summary>
    PartnerCenterUnavailable,

    /// <summary>The stored consent lacks MFA: an Admin Agent must consent again (the API answers 502).</summary>
    PartnerCenterMfaRequired,

    /// <summary>A purchase's order is still being provisioned; the next sync links it.</summary>
    OrderNotProvisionedYet,

    /// <summary>A renewal's instructions asked for once the renewal has taken place (00:00 UTC of its day).</summary>
    RenewalPassed,

    /// <summary>A renewal suggestion accepted that is no longer the suggestion (the licenses, the seats or the renewal changed).</summary>
    SuggestionChanged,

    /// <summary>A seat change far beyond the subscription's size (more than ×10 or +1,000 seats) asked without its second confirmation.</summary>
    LargeChangeNotConfirmed,
}
