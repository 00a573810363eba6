using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;

namespace Prorata.Application.Invoices;

/// <summary>
/// Issues a draft that waited for its tax provider: asked again with a growing delay until Avalara answers. A draft
/// issued meanwhile (by a person) or voided needs nothing more.
/// </summary>
public sealed class InvoiceIssueHandler(ProrataDbContext db, InvoiceLifecycle lifecycle) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.InvoiceIssue;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = OutboxWriter.Read<InvoiceIssueRequest>(message);
        if (await db.Invoices.AsNoTracking().AnyAsync(i => i.Id == request.InvoiceId && i.Status != InvoiceStatus.Draft, cancellationToken))
            return OutboxDelivery.Done;
        var result = await lifecycle.IssueAsync(request.InvoiceId, cancellationToken);
        return result switch
        {
            { Invoice: not null } => OutboxDelivery.Done,
            { IsWaiting: true } => OutboxDelivery.Later(result.Refusal!),
            { NotFound: { } missing } => OutboxDelivery.Refused(missing),
            _ => OutboxDelivery.ForAPerson(result.Refusal!),
        };
    }
}
