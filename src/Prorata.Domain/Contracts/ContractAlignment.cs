namespace Prorata.Domain.Contracts;

/// <summary>
/// How a contract cuts monthly-billed subscriptions into customer periods (billing-rules §4). The names are stored
/// as text: never rename one.
/// </summary>
public enum ContractAlignment
{
    /// <summary>Contract months [billingDay, day before the next billingDay]; partial months prorated. The default.</summary>
    Contract,

    /// <summary>Exactly Microsoft's charge cycles, so revenue and cost line up one to one.</summary>
    Subscription,
}
