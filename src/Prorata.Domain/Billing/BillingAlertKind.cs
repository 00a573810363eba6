namespace Prorata.Domain.Billing;

/// <summary>What a <see cref="BillingAlert"/> is about; the names are written as text (exceptions page, simulation output).</summary>
public enum BillingAlertKind
{
    /// <summary>No pricing rule matches: billed at ERP (retail for usage), never at zero or at cost.</summary>
    MissingPricingStrategy,

    /// <summary>No price row in the contract's currency and no fixed rule: not billed until a price exists.</summary>
    NoPriceInContractCurrency,
}
