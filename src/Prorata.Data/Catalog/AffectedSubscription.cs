namespace Prorata.Data.Catalog;

/// <summary>
/// A running subscription on a repriced offer: its customer price per cycle now and under its contract's rule at the new
/// cost, and the margin per cycle (customer price − cost) × seats before, at the new cost with the price unchanged (what
/// the partner earns until the rollout), and after the rollout.
/// </summary>
public sealed record AffectedSubscription(
    Guid SubscriptionId, Guid ContractId, string Customer, int Quantity, decimal CustomerPrice, decimal NewCustomerPrice,
    decimal MarginBefore, decimal MarginAtNewCost, decimal MarginAfterRollout);
