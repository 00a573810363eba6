using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.PartnerCenter;
using Prorata.Data;
using Prorata.Data.Customers;
using Prorata.Data.Outbox;
using Prorata.Data.Receivables;
using Prorata.Domain.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>
/// Dunning's credit hold (billing-rules §5): on while an invoice of the customer is unpaid past its contract's hold day,
/// off the moment none is. A lift with no staff hold left sends what waited to Microsoft (the outbox's release); a staff
/// hold stays until staff lift it. Each change is recorded as a <see cref="DunningStep"/>.
/// </summary>
public sealed class CreditHolds(ProrataDbContext db)
{
    public async Task<CreditHoldChange> FollowAsync(Guid customerId, ReceivableInvoice? cause, DateTimeOffset now, CancellationToken cancellationToken) =>
        Follow(await db.Customers.FirstAsync(c => c.Id == customerId, cancellationToken), cause, now);

    /// <summary>As <see cref="FollowAsync"/>, for a customer already loaded (tracked) under its lock.</summary>
    public CreditHoldChange Follow(Customer customer, ReceivableInvoice? cause, DateTimeOffset now)
    {
        var customerId = customer.Id;
        if (cause is not null && !customer.DunningHold)
        {
            customer.DunningHold = true;
            customer.DunningHoldSince = now;
            db.DunningSteps.Add(new DunningStep
            {
                Id = Guid.CreateVersion7(now), CustomerId = customerId, Kind = DunningActionKind.CreditHold, InvoiceId = Guid.Parse(cause.Key), At = now, RecordedAt = now,
            });
            return CreditHoldChange.Held;
        }
        if (cause is null && customer.DunningHold)
        {
            customer.DunningHold = false;
            customer.DunningHoldSince = null;
            db.DunningSteps.Add(new DunningStep { Id = Guid.CreateVersion7(now), CustomerId = customerId, Kind = DunningActionKind.HoldLifted, At = now, RecordedAt = now });
            if (!customer.CreditHold)
                OutboxWriter.Enqueue(db, OutboxTopic.PartnerCenterRelease, $"release:{customerId}:{Guid.CreateVersion7(now)}", new CreditHoldRelease(customerId, now), now, customerId);
            return CreditHoldChange.Lifted;
        }
        return CreditHoldChange.None;
    }
}
