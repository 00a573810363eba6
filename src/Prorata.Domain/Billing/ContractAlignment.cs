namespace Prorata.Domain.Billing;

/// <summary>How a contract cuts monthly-billed subscriptions into customer periods (billing-rules.md §4).</summary>
public enum ContractAlignment
{
    /// <summary>Contract months [billingDay, day before the next billingDay]; partial months prorated.</summary>
    Contract,

    /// <summary>Exactly Microsoft's charge cycles, so revenue and cost line up one to one.</summary>
    Subscription,
}
