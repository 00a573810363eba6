namespace Prorata.Data.Subscriptions;

/// <summary>
/// Whether Microsoft has the subscription's latest purchase or increase. A customer on credit hold gets no new
/// provisioning (billing-rules §4): the change is accepted and billed, and waits here until the hold is lifted.
/// </summary>
public enum ProvisioningState
{
    Provisioned,
    AwaitingProvisioning,
}
