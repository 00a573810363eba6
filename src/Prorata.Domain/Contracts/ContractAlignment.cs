namespace Prorata.Domain.Contracts;

/// <summary>
/// Which periods monthly-billed subscriptions are charged in: contract months starting on the billing day
/// (<see cref="Contract"/>, the default) or Microsoft's own charge cycles (<see cref="Subscription"/>) — billing-rules §4.
/// </summary>
public enum ContractAlignment
{
    Contract,
    Subscription,
}
