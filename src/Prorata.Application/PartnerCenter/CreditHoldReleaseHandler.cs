using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.Subscriptions;
using Prorata.Data;
using Prorata.Data.Outbox;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// Delivers a lifted credit hold: each purchase or increase that waited goes to Partner Center. Each entry's outcome is
/// recorded on its own (a failure stays waiting, as a work item), so the message is delivered once all were tried;
/// only an error before any was tried is retried.
/// </summary>
public sealed class CreditHoldReleaseHandler(ProrataDbContext db, SubscriptionProvisioning provisioning) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.PartnerCenterRelease;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var release = OutboxWriter.Read<CreditHoldRelease>(message);
        // Put back on hold before this was delivered: nothing may reach Microsoft; the next lift sends it.
        if (await db.Customers.AsNoTracking().AnyAsync(c => c.Id == release.CustomerId && (c.CreditHold || c.DunningHold), cancellationToken))
            return OutboxDelivery.Refused("The customer is on credit hold again: nothing was sent.");
        await provisioning.ReleaseAsync(release.CustomerId, cancellationToken);
        return OutboxDelivery.Done;
    }
}
