using Microsoft.EntityFrameworkCore;
using Prorata.Application.WorkItems;
using Prorata.Data.PartnerCenter;
using Prorata.Data.WorkItems;
using Prorata.Domain.Subscriptions;
using Prorata.Data.Subscriptions;
using Prorata.Data;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// Sends what waited for a customer's credit hold to lift (billing-rules §4): each waiting purchase is placed, each
/// waiting increase sets Microsoft's seat count to Prorata's current one, each waiting upgrade is sent, oldest first.
/// Each entry that goes through gets a <see cref="ProvisioningRecord"/> with the time (and the Partner Center order and
/// subscription), saved on its own so one failure does not undo the others; a failure is recorded on the entry's record,
/// raised as a work item, and the entry keeps waiting for the next attempt (a later hold lift or sync).
/// Without Partner Center (no <see cref="ISubscriptionChangePush"/>) there is nothing to send: the entries are simply
/// recorded as provisioned.
/// </summary>
public sealed class SubscriptionProvisioning(ProrataDbContext db, TimeProvider time, ISubscriptionChangePush? push = null)
{
    /// <summary>The Partner Center exception kind (SyncExceptionKind.ProvisioningFailed, named here as Data does not see it).</summary>
    public const string FailureIssueKind = "ProvisioningFailed";

    private readonly WorkItemRaiser _workItems = new(db, time);

    /// <summary>Sends the customer's waiting entries; returns how many were provisioned and how many failed.</summary>
    public async Task<(int Provisioned, int Failed)> ReleaseAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var waiting = await (
                from e in db.LicenseChangeLog
                join s in db.Subscriptions on e.SubscriptionId equals s.Id
                join c in db.BillingContracts on s.ContractId equals c.Id
                where c.CustomerId == customerId && e.AwaitingProvisioning
                    && !db.ProvisioningRecords.Any(r => r.LicenseChangeEntryId == e.Id && r.ProvisionedAt != null)
                select e)
            .AsNoTracking().ToListAsync(cancellationToken);
        var tenant = await db.PartnerCenterCustomers.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Select(c => c.PartnerCenterCustomerId).FirstOrDefaultAsync(cancellationToken);
        var (provisioned, failed) = (0, 0);
        foreach (var entry in waiting.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            db.ChangeTracker.Clear();
            var subscription = await db.Subscriptions.SingleAsync(s => s.Id == entry.SubscriptionId, cancellationToken);
            var record = await db.ProvisioningRecords.FirstOrDefaultAsync(r => r.LicenseChangeEntryId == entry.Id, cancellationToken);
            if (record is null)
            {
                record = new ProvisioningRecord { LicenseChangeEntryId = entry.Id, SubscriptionId = subscription.Id };
                db.ProvisioningRecords.Add(record);
            }
            record.AttemptedAt = time.GetUtcNow();
            record.PartnerCenterCustomerId ??= tenant;
            var failure = await SendAsync(customerId, subscription, entry, record, cancellationToken);
            if (failure is null)
            {
                record.ProvisionedAt = time.GetUtcNow();
                record.Failure = null;
                await ResolveIssuesAsync(subscription.Id, cancellationToken);
                provisioned++;
            }
            else
            {
                record.Failure = $"{failure.Code}: {failure.Message}";
                await RaiseIssueAsync(record, subscription, customerId, failure, cancellationToken);
                failed++;
            }
            // Sent to Microsoft: recorded whatever the caller does meanwhile, or the next attempt would buy it again.
            await db.SaveChangesAsync(CancellationToken.None);
            await SettleAsync(subscription.Id, CancellationToken.None);
        }
        return (provisioned, failed);
    }

    /// <summary>Provisioned once none of its entries waits any more.</summary>
    public async Task SettleAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        var stillWaiting = await db.LicenseChangeLog.AnyAsync(e => e.SubscriptionId == subscriptionId && e.AwaitingProvisioning
                && !db.ProvisioningRecords.Any(r => r.LicenseChangeEntryId == e.Id && r.ProvisionedAt != null), cancellationToken)
            || await db.ProvisioningRecords.AnyAsync(r => r.SubscriptionId == subscriptionId && r.ProvisionedAt == null, cancellationToken);
        var subscription = await db.Subscriptions.SingleAsync(s => s.Id == subscriptionId, cancellationToken);
        subscription.Provisioning = stillWaiting ? ProvisioningState.AwaitingProvisioning : ProvisioningState.Provisioned;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Refusal?> SendAsync(Guid customerId, CustomerSubscription subscription, LicenseChangeEntry entry, ProvisioningRecord record,
        CancellationToken cancellationToken)
    {
        if (push is null)
        {
            return null;
        }
        try
        {
            switch (entry.Type)
            {
                case SubscriptionEventType.Purchase:
                    if (await db.PartnerCenterSubscriptions.AnyAsync(l => l.SubscriptionId == subscription.Id, cancellationToken))
                    {
                        return null;
                    }
                    if (record.PartnerCenterOrderId is not null || record.PartnerCenterCartId is not null)
                    {
                        // An earlier attempt reached checkout: Microsoft has (or may have) the order, and placing it again could buy it twice.
                        return new Refusal(RefusalCode.OrderNotProvisionedYet, $"Order {record.PartnerCenterOrderId ?? "of cart " + record.PartnerCenterCartId} is not linked yet; the next sync links it.");
                    }
                    // Today's seats: changes made while the hold lasted are already in the quantity, so one order buys what Prorata bills.
                    var placement = await push.PlaceAsync(customerId, subscription, subscription.Quantity, subscription.AutoRenew, cancellationToken);
                    if (placement.Refusal is { } refusal)
                    {
                        return refusal;
                    }
                    if (placement.Record is { } placed)
                    {
                        (record.PartnerCenterCustomerId, record.PartnerCenterCartId, record.PartnerCenterOrderId, record.PartnerCenterSubscriptionId) =
                            (placed.PartnerCenterCustomerId, placed.PartnerCenterCartId, placed.PartnerCenterOrderId, placed.PartnerCenterSubscriptionId);
                    }
                    if (placement.Link is { } link)
                    {
                        link.SubscriptionId = subscription.Id;
                        db.PartnerCenterSubscriptions.Add(link);
                    }
                    // Placed but still provisioning (or the answer lost): sync links it; it must not be placed again.
                    return placement.Record is { ProvisionedAt: null } pending
                        ? new Refusal(RefusalCode.OrderNotProvisionedYet, pending.Failure ?? $"Order {pending.PartnerCenterOrderId} is still being provisioned; the next sync links it.")
                        : null;
                case SubscriptionEventType.SetQuantity:
                    return await push.SetQuantityAsync(subscription, cancellationToken);
                default:
                    return await push.PushAsync(subscription, entry, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Refusal(RefusalCode.PartnerCenterUnavailable, e.Message);
        }
    }

    private async Task RaiseIssueAsync(ProvisioningRecord record, CustomerSubscription subscription, Guid customerId, Refusal failure, CancellationToken cancellationToken) =>
        await _workItems.RaiseAsync(FailureDraft(record, subscription, customerId, $"{failure.Code}: {failure.Message}"), cancellationToken);

    /// <summary>
    /// The work item of a subscription waiting for Microsoft, on the exceptions page; resolved by
    /// <see cref="ResolveIssuesAsync"/> when the sync links it or a later attempt places it.
    /// </summary>
    public static WorkItemDraft FailureDraft(ProvisioningRecord record, CustomerSubscription subscription, Guid customerId, string failure) =>
        new(WorkItemKind.ProvisioningFailure, FailureIssueKind, WorkItemSubject.Subscription, subscription.Id.ToString(),
            $"{subscription.Title} ({subscription.Id}) waits for provisioning: {failure}")
        {
            CustomerId = customerId,
            ContractId = subscription.ContractId,
            SubscriptionId = subscription.Id,
            PartnerCenterCustomerId = record.PartnerCenterCustomerId,
            PartnerCenterSubscriptionId = record.PartnerCenterSubscriptionId,
        };

    public Task ResolveIssuesAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        _workItems.SettleAsync(db.WorkItems.Where(i => i.Kind == WorkItemKind.ProvisioningFailure && i.SubscriptionId == subscriptionId),
            new HashSet<string>(), "Prorata", "provisioned: Microsoft has it now", cancellationToken);
}
