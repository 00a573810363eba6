using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.Webhooks;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using PcStatus = Prorata.Integrations.PartnerCenter.Models.SubscriptionStatus;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// Settles a call to Partner Center that was still in flight when Prorata stopped: Microsoft's subscription says whether
/// the change happened. If it did, the change is logged as it was asked (dated when it was asked, by whom), so it is
/// billed; if it did not, nothing happened on either side. A purchase or a change the subscription cannot show (an
/// upgrade, a renewal schedule) goes to a person with what to check.
/// </summary>
public sealed class PartnerCenterIntentSettlement(ProrataDbContext db, IPartnerCenter partnerCenter, TimeProvider time) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.PartnerCenterChange;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = OutboxWriter.Read<PartnerCenterIntent>(message);
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == intent.SubscriptionId, cancellationToken);
        var link = await db.PartnerCenterSubscriptions.AsNoTracking().FirstOrDefaultAsync(l => l.SubscriptionId == intent.SubscriptionId, cancellationToken);
        if (subscription is null || link is null)
            return OutboxDelivery.Refused("The subscription is not linked to Partner Center: nothing was sent.");
        var now = await partnerCenter.GetSubscriptionAsync(link.PartnerCenterCustomerId, link.PartnerCenterSubscriptionId, cancellationToken);
        if (now is null) return OutboxDelivery.Later($"Partner Center does not list subscription {link.PartnerCenterSubscriptionId} yet.");
        bool? applied = intent.Type switch
        {
            SubscriptionEventType.SetQuantity => now.Quantity == intent.Quantity,
            SubscriptionEventType.Cancel => now.Status == PcStatus.Deleted,
            SubscriptionEventType.Suspend => now.Status == PcStatus.Suspended,
            SubscriptionEventType.Reactivate => now.Status == PcStatus.Active,
            SubscriptionEventType.SetAutoRenew => now.AutoRenewEnabled == intent.Enabled,
            _ => null,
        };
        switch (applied)
        {
            case null:
                return OutboxDelivery.ForAPerson(
                    $"Prorata stopped while sending the {intent.Type} of {subscription.Title} ({subscription.Id}) asked by {intent.Actor} at {intent.At:yyyy-MM-dd HH:mm} UTC, "
                    + $"and Partner Center's subscription {link.PartnerCenterSubscriptionId} cannot show whether it was applied: check it there and ask for the change again if it was not.");
            case false:
                return OutboxDelivery.Refused($"Partner Center did not apply the {intent.Type}: nothing was logged or billed.");
        }
        // Microsoft applied it: the change is logged as it was asked, after the fact, with Partner Center's state.
        var entry = ChangeLog.Append(db, subscription, new LicenseChangeEntry
        {
            Type = intent.Type,
            At = intent.At,
            RecordedAt = time.GetUtcNow(),
            Actor = intent.Actor,
            Source = Enum.Parse<ChangeSource>(intent.Source),
            Quantity = intent.Quantity,
            Enabled = intent.Enabled,
        }, new SubscriptionSnapshot(ToProrata(now.Status), now.Quantity, now.AutoRenewEnabled));
        await DomainEvents.RecordAsync(db, DomainEvents.SubscriptionChanged(subscription, entry, message.CustomerId), message.CustomerId, cancellationToken, subscription.Id);
        return OutboxDelivery.Done;
    }

    private static SubscriptionStatus? ToProrata(PcStatus status) => status switch
    {
        PcStatus.Active => SubscriptionStatus.Active,
        PcStatus.Suspended => SubscriptionStatus.Suspended,
        PcStatus.Deleted => SubscriptionStatus.Cancelled,
        PcStatus.Expired => SubscriptionStatus.Expired,
        _ => null,
    };
}
