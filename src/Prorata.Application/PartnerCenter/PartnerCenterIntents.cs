using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Subscriptions;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// The intents of calls to Partner Center made while a person waits (a seat change Microsoft may refuse). An intent is
/// committed before the call, on its own connection; it is marked delivered in the save that logs the change, or refused
/// when Microsoft refused. One still in flight after its lease is settled by <see cref="PartnerCenterIntentSettlement"/>.
/// </summary>
public sealed class PartnerCenterIntents(ProrataDbContext db, TimeProvider time)
{
    public async Task<OutboxMessage> RecordAsync(OutboxTopic topic, Guid customerId, CustomerSubscription subscription, LicenseChangeEntry entry,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var intent = new PartnerCenterIntent(subscription.Id, customerId, subscription.ContractId, entry.Type, entry.At, entry.Actor, entry.Source.ToString(),
            entry.Quantity, entry.Enabled, entry.ProductId ?? (topic == OutboxTopic.PartnerCenterPurchase ? subscription.ProductId : null),
            entry.SkuId ?? (topic == OutboxTopic.PartnerCenterPurchase ? subscription.SkuId : null),
            entry.Term ?? subscription.Term, entry.BillingPlan ?? subscription.BillingPlan, entry.NewSubscriptionId, subscription.Title);
        var options = (DbContextOptions<ProrataDbContext>)db.GetService<IDbContextOptions>();
        await using var own = new ProrataDbContext(options);
        var message = OutboxWriter.Enqueue(own, topic, $"{topic}:{subscription.Id}:{Guid.CreateVersion7(now)}", intent, now, customerId, subscription.Id);
        message.State = OutboxState.InFlight;
        message.Attempts = 1;
        message.LeaseUntil = now + OutboxDispatcher.Lease;
        message.NextAttemptAt = now + OutboxDispatcher.Lease;
        await own.SaveChangesAsync(cancellationToken);
        own.Entry(message).State = EntityState.Detached;
        return message;
    }

    /// <summary>Microsoft accepted: saved with the change's log entry by the caller's save.</summary>
    public void Delivered(OutboxMessage intent)
    {
        db.Outbox.Attach(intent);
        intent.State = OutboxState.Delivered;
        intent.DeliveredAt = time.GetUtcNow();
        intent.LeaseUntil = null;
    }

    public async Task RefusedAsync(OutboxMessage intent, string reason)
    {
        db.Outbox.Attach(intent);
        intent.State = OutboxState.Refused;
        intent.LastError = reason.Length <= 2048 ? reason : reason[..2047] + "…";
        intent.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }
}
