using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prorata.Data;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Models;
using Prorata.Integrations.PartnerCenter.Sync;
using Refusal = Prorata.Domain.Subscriptions.Refusal;
using SubscriptionStatus = Prorata.Integrations.PartnerCenter.Models.SubscriptionStatus;
using Prorata.Application.Subscriptions;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// Staff changes and purchases go to Microsoft before Prorata logs them. Sent with our application's token, they come
/// back in the activity log under our application id, which <see cref="SyncPlanner"/> skips, and the logged change
/// already matches Partner Center's state: the next sync imports nothing. A purchase for a customer whose tenant is
/// linked is placed as cart → checkout → order and linked to the subscription the order produced; an upgrade is a
/// transition (in place for all seats; a partial one gives the moved seats a new Partner Center subscription, linked to
/// the new Prorata subscription that bills them).
/// </summary>
public sealed class PartnerCenterChangePush(ProrataDbContext db, IPartnerCenter partnerCenter, IOptions<PartnerCenterSyncOptions> options, TimeProvider time)
    : ISubscriptionChangePush
{
    public async Task<Refusal?> PushAsync(CustomerSubscription subscription, LicenseChangeEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(subscription, entry, cancellationToken);
        }
        catch (Exception e) when (Unreachable(e) is { } failure)
        {
            return failure;
        }
    }

    private async Task<Refusal?> SendAsync(CustomerSubscription subscription, LicenseChangeEntry entry, CancellationToken cancellationToken)
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
        UpgradeRequest? upgrade = null;
        if (kind == PushKind.Upgrade)
        {
            var productId = entry.ProductId ?? subscription.ProductId;
            if (await partnerCenter.GetCatalogItemIdAsync(productId, entry.SkuId!, options.Value.Market, cancellationToken) is not { } target)
            {
                return NotInCatalog(productId, entry.SkuId!);
            }
            upgrade = new UpgradeRequest(target, entry.Quantity ?? subscription.Quantity);
        }
        // Credit hold was decided by the caller: an increase on hold is logged as awaiting provisioning and never reaches here.
        var push = new PendingPush(kind, link.PartnerCenterCustomerId, CustomerOnCreditHold: false,
            new SubscriptionKey(link.PartnerCenterCustomerId, link.PartnerCenterSubscriptionId),
            entry.Quantity, entry.Enabled, kind == PushKind.ScheduleRenewal ? Renewal(subscription, entry) : null, Upgrade: upgrade);
        var outcome = await new PartnerCenterPush(partnerCenter).PushAsync(push, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return FromPartnerCenter(refusal);
        }
        if (upgrade is not null && entry.NewSubscriptionId is { } moved && outcome.SubscriptionIds is [_, var to] && to != link.PartnerCenterSubscriptionId)
        {
            // A partial upgrade: the moved seats are a new subscription on both sides. Tracked here, the link is saved with the
            // upgrade's log entry and the new Prorata subscription, so the next sync knows it and imports nothing.
            var now = time.GetUtcNow();
            db.PartnerCenterSubscriptions.Add(new PartnerCenterSubscriptionLink
            {
                PartnerCenterSubscriptionId = to, PartnerCenterCustomerId = link.PartnerCenterCustomerId, OfferId = upgrade.ToCatalogItemId,
                Quantity = upgrade.Quantity, Status = SubscriptionStatus.Active.ToString(), AutoRenew = subscription.AutoRenew, SubscriptionId = moved,
                FirstSeenAt = now, UpdatedAt = now,
            });
        }
        return null;
    }

    public async Task<PurchasePlacement> PlaceAsync(Guid customerId, CustomerSubscription subscription, int quantity, bool autoRenew, CancellationToken cancellationToken)
    {
        try
        {
            return await PlaceOrderAsync(customerId, subscription, quantity, autoRenew, cancellationToken);
        }
        catch (Exception e) when (Unreachable(e) is { } failure)
        {
            return PurchasePlacement.Refused(failure);
        }
    }

    private async Task<PurchasePlacement> PlaceOrderAsync(Guid customerId, CustomerSubscription subscription, int quantity, bool autoRenew, CancellationToken cancellationToken)
    {
        var tenant = await db.PartnerCenterCustomers.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Select(c => c.PartnerCenterCustomerId).FirstOrDefaultAsync(cancellationToken);
        // Only license-based NCE subscriptions (a term and a billing plan) are bought in Partner Center.
        if (tenant is null || subscription.Term is not { } term || subscription.BillingPlan is not { } plan)
        {
            return PurchasePlacement.NotSent;
        }
        if (await partnerCenter.GetCatalogItemIdAsync(subscription.ProductId, subscription.SkuId, options.Value.Market, cancellationToken) is not { } catalogItemId)
        {
            return PurchasePlacement.Refused(NotInCatalog(subscription.ProductId, subscription.SkuId));
        }
        var record = new ProvisioningRecord { AttemptedAt = time.GetUtcNow(), PartnerCenterCustomerId = tenant };
        PartnerCenterResult<PurchaseResult> result;
        try
        {
            result = await partnerCenter.PurchaseAsync(tenant, [new PurchaseLine(catalogItemId, quantity, term.ToString(), plan.ToString().ToLowerInvariant())], cancellationToken);
        }
        catch (PurchaseOutcomeUnknownException e)
        {
            // Microsoft may have the order: the purchase is recorded as waiting, with the cart, never placed again.
            record.PartnerCenterCartId = e.CartId;
            record.Failure = e.Message;
            return new PurchasePlacement(null, record, null);
        }
        if (!result.IsSuccess)
        {
            return PurchasePlacement.Refused(FromPartnerCenter(result.Refusal));
        }
        record.PartnerCenterCartId = result.Value.CartId;
        record.PartnerCenterOrderId = result.Value.OrderId;
        if (!result.Value.IsProvisioned)
        {
            return new PurchasePlacement(null, record, null);
        }
        var bought = result.Value.Subscriptions[0];
        var renewsAtMicrosoft = true;
        if (!autoRenew)
        {
            // New commerce subscriptions start with auto-renew on; the purchase asked for it off. The order stands if
            // that fails: it is recorded (never bought twice), and the next sync flags the auto-renew mismatch.
            try
            {
                await partnerCenter.SetAutoRenewAsync(new SubscriptionKey(tenant, bought.SubscriptionId), false, cancellationToken);
                renewsAtMicrosoft = false;
            }
            catch (Exception e) when (Unreachable(e) is { } failure)
            {
                record.Failure = $"Bought, but auto-renew could not be turned off: {failure.Message}";
            }
        }
        record.ProvisionedAt = time.GetUtcNow();
        record.PartnerCenterSubscriptionId = bought.SubscriptionId;
        var link = new PartnerCenterSubscriptionLink
        {
            PartnerCenterSubscriptionId = bought.SubscriptionId, PartnerCenterCustomerId = tenant, OfferId = bought.OfferId, OfferName = subscription.Title,
            Quantity = bought.Quantity, Status = SubscriptionStatus.Active.ToString(), AutoRenew = renewsAtMicrosoft, FirstSeenAt = record.ProvisionedAt.Value,
            UpdatedAt = record.ProvisionedAt.Value,
        };
        return new PurchasePlacement(null, record, link);
    }

    public async Task<Refusal?> SetQuantityAsync(CustomerSubscription subscription, CancellationToken cancellationToken)
    {
        var link = await db.PartnerCenterSubscriptions.AsNoTracking().FirstOrDefaultAsync(l => l.SubscriptionId == subscription.Id, cancellationToken);
        if (link is null)
        {
            return null;
        }
        try
        {
            var result = await partnerCenter.SetQuantityAsync(new SubscriptionKey(link.PartnerCenterCustomerId, link.PartnerCenterSubscriptionId), subscription.Quantity, cancellationToken);
            return result.IsSuccess ? null : FromPartnerCenter(result.Refusal);
        }
        catch (Exception e) when (Unreachable(e) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// Partner Center's own failures, after the client's retries, as refusals: the caller writes nothing and the staff
    /// member reads why. A change Microsoft applied before its answer was lost comes back with the next sync.
    /// </summary>
    private static Refusal? Unreachable(Exception e) => e switch
    {
        PartnerCenterMfaRequiredException => new Refusal(RefusalCode.PartnerCenterMfaRequired, e.Message),
        PartnerCenterException or HttpRequestException or Polly.Timeout.TimeoutRejectedException => new Refusal(RefusalCode.PartnerCenterUnavailable,
            $"Partner Center could not be reached: {e.Message} Nothing was changed in Prorata; if Microsoft applied the change, the next sync brings it in."),
        _ => null,
    };

    /// <summary>
    /// Partner Center's answer in the domain's vocabulary: every code of <see cref="RefusalCodes"/> has a
    /// <see cref="RefusalCode"/> member of the same name; one added there and not here reads as PartnerCenterRefused.
    /// </summary>
    private static Refusal FromPartnerCenter(Integrations.PartnerCenter.Refusal refusal) =>
        new(Enum.TryParse<RefusalCode>(refusal.Code, out var code) ? code : RefusalCode.PartnerCenterRefused, refusal.Message);

    private Refusal NotInCatalog(string productId, string skuId) => new(RefusalCode.NotInPartnerCenterCatalog,
        $"Partner Center sells no {productId}/{skuId} in market {options.Value.Market}; nothing was bought.");

    private static PushKind? KindOf(CustomerSubscription subscription, LicenseChangeEntry entry) => entry.Type switch
    {
        SubscriptionEventType.SetQuantity => entry.Quantity > subscription.Quantity ? PushKind.IncreaseQuantity : PushKind.DecreaseQuantity,
        SubscriptionEventType.Cancel => PushKind.Cancel,
        SubscriptionEventType.Suspend => PushKind.Suspend,
        SubscriptionEventType.Reactivate => PushKind.Reactivate,
        SubscriptionEventType.SetAutoRenew => PushKind.SetAutoRenew,
        SubscriptionEventType.ScheduleRenewal => PushKind.ScheduleRenewal,
        SubscriptionEventType.Upgrade when entry.SkuId is not null => PushKind.Upgrade,
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
