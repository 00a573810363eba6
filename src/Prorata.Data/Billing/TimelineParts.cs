namespace Prorata.Data.Billing;

/// <summary>What a stored timeline read brings beside the contracts, their subscriptions and the engine's columns of their log.</summary>
[Flags]
public enum TimelineParts
{
    None = 0,

    /// <summary>Each contract's <see cref="Contracts.BillingContract.Customer"/>.</summary>
    Customer = 1,

    /// <summary>Each contract's <see cref="Contracts.BillingContract.LegalEntity"/>.</summary>
    LegalEntity = 2,

    /// <summary>Who made each change (<see cref="Subscriptions.LicenseChangeEntry.Actor"/>), for a problem a person reads; otherwise "".</summary>
    Actors = 4,
}
