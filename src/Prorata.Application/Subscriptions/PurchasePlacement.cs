using Prorata.Data.PartnerCenter;
using Prorata.Domain.Subscriptions;
using Prorata.Data.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// What became of a purchase sent to where it is provisioned: refused (nothing may be written), not sent (nowhere to send
/// it), or placed — with the <see cref="Record"/> of the order and, once Microsoft has provisioned it, the
/// <see cref="Link"/> to the subscription it produced; both are saved with the purchase's log entry.
/// </summary>
public sealed record PurchasePlacement(Refusal? Refusal, ProvisioningRecord? Record, PartnerCenterSubscriptionLink? Link)
{
    public static PurchasePlacement NotSent { get; } = new(null, null, null);

    public static PurchasePlacement Refused(Refusal refusal) => new(refusal, null, null);
}
