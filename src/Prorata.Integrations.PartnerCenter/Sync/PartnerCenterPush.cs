namespace Prorata.Integrations.PartnerCenter.Sync;

/// <summary>
/// Sends a change made in Prorata to Partner Center. A customer on credit hold gets no new provisioning: purchases,
/// seat increases and upgrades wait until the hold is lifted (billing-rules §4); reductions, cancellations and renewal
/// settings still go, since they only lower what the customer owes or change nothing today.
/// </summary>
public sealed class PartnerCenterPush(IPartnerCenter partnerCenter)
{
    public static bool MustWait(PendingPush push) =>
        push.CustomerOnCreditHold && push.Kind is PushKind.Purchase or PushKind.IncreaseQuantity or PushKind.Upgrade;

    public async Task<PushOutcome> PushAsync(PendingPush push, CancellationToken cancellationToken)
    {
        if (MustWait(push))
        {
            return PushOutcome.AwaitingProvisioning;
        }
        if (push.Kind == PushKind.Purchase)
        {
            var purchase = await partnerCenter.PurchaseAsync(push.CustomerId, [Required(push.Purchase)], cancellationToken);
            return purchase.IsSuccess
                ? PushOutcome.Sent([.. purchase.Value.Subscriptions.Select(s => s.SubscriptionId)])
                : PushOutcome.Refused(purchase.Refusal);
        }
        var key = Required(push.Subscription);
        if (push.Kind == PushKind.Upgrade)
        {
            var upgrade = await partnerCenter.UpgradeAsync(key, Required(push.Upgrade), cancellationToken);
            return upgrade.IsSuccess ? PushOutcome.Sent(upgrade.Value.FromSubscriptionId, upgrade.Value.ToSubscriptionId) : PushOutcome.Refused(upgrade.Refusal);
        }
        var result = push.Kind switch
        {
            PushKind.IncreaseQuantity or PushKind.DecreaseQuantity => await partnerCenter.SetQuantityAsync(key, Required(push.Quantity), cancellationToken),
            PushKind.Cancel => await partnerCenter.CancelAsync(key, cancellationToken),
            PushKind.Suspend => await partnerCenter.SuspendAsync(key, cancellationToken),
            PushKind.Reactivate => await partnerCenter.ReactivateAsync(key, cancellationToken),
            PushKind.SetAutoRenew => await partnerCenter.SetAutoRenewAsync(key, Required(push.AutoRenew), cancellationToken),
            PushKind.ScheduleRenewal => await partnerCenter.ScheduleRenewalAsync(key, push.Renewal, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(push), push.Kind, "Unknown push kind."),
        };
        return PushOutcome.From(result);
    }

    private static T Required<T>(T? value)
        where T : class => value ?? throw new ArgumentException($"The push needs a {typeof(T).Name}.");

    private static T Required<T>(T? value)
        where T : struct => value ?? throw new ArgumentException($"The push needs a {typeof(T).Name}.");
}
