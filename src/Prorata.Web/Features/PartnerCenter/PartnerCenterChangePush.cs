using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Simulation;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Sync;
using Refusal = Prorata.Domain.Subscriptions.Refusal;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// A staff change of a subscription linked to Partner Center goes to Microsoft before Prorata logs it. Sent with our
/// application's token, the change comes back in the activity log under our application id, which
/// <see cref="SyncPlanner"/> skips, and the logged change already matches Partner Center's state: the next sync imports
/// nothing. Upgrades are not sent here (Partner Center gives the upgraded seats a new subscription to link).
/// </summary>
public sealed class PartnerCenterChangePush(ProrataDbContext db, IPartnerCenter partnerCenter) : ISubscriptionChangePush
{
    public async Task<Refusal?> PushAsync(CustomerSubscription subscription, LicenseChangeEntry entry, CancellationToken cancellationToken)
    {
        if (KindOf(subscription, entry) is not { } kind)
        {
            return null;
        }
        var link = await db.PartnerCenterSubscriptions.AsNoTracking().FirstOrDefaultAsync(l => l.SubscriptionId == subscription.Id, cancellationToken);
        if (link is null)
        {
            return null;
        }
        // Credit hold was decided by the caller: an increase on hold is logged as awaiting provisioning and never reaches here.
        var push = new PendingPush(kind, link.PartnerCenterCustomerId, CustomerOnCreditHold: false,
            new SubscriptionKey(link.PartnerCenterCustomerId, link.PartnerCenterSubscriptionId),
            entry.Quantity, entry.Enabled, kind == PushKind.ScheduleRenewal ? Renewal(subscription, entry) : null);
        var outcome = await new PartnerCenterPush(partnerCenter).PushAsync(push, cancellationToken);
        return outcome.Refusal is { } refusal ? new Refusal(refusal.Code, refusal.Message) : null;
    }

    private static PushKind? KindOf(CustomerSubscription subscription, LicenseChangeEntry entry) => entry.Type switch
    {
        ScenarioEventType.SetQuantity => entry.Quantity > subscription.Quantity ? PushKind.IncreaseQuantity : PushKind.DecreaseQuantity,
        ScenarioEventType.Cancel => PushKind.Cancel,
        ScenarioEventType.Suspend => PushKind.Suspend,
        ScenarioEventType.Reactivate => PushKind.Reactivate,
        ScenarioEventType.SetAutoRenew => PushKind.SetAutoRenew,
        ScenarioEventType.ScheduleRenewal => PushKind.ScheduleRenewal,
        _ => null,
    };

    /// <summary>What the entry leaves unset stays as it is at renewal; a new SKU is of the current product unless one is named.</summary>
    private static RenewalInstructions Renewal(CustomerSubscription subscription, LicenseChangeEntry entry) => new(
        entry.Quantity ?? subscription.Quantity,
        entry.SkuId is null ? entry.ProductId : entry.ProductId ?? subscription.ProductId,
        entry.SkuId,
        TermDuration: entry.Term?.ToString(),
        BillingCycle: entry.BillingPlan?.ToString().ToLowerInvariant());
}
