using Prorata.Application.Outbox;
using Prorata.Data.Outbox;

namespace Prorata.Application.Invoices;

/// <summary>
/// Issues a draft that waited for its tax provider: asked again with a growing delay until Avalara answers. A draft
/// issued meanwhile (by a person) or voided needs nothing more.
/// </summary>
public sealed class InvoiceIssueHandler(InvoiceLifecycle lifecycle) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.InvoiceIssue;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = OutboxWriter.Read<InvoiceIssueRequest>(message);
        var result = await lifecycle.IssueAsync(request.InvoiceId, cancellationToken);
        return result switch
        {
            { Invoice: not null } => OutboxDelivery.Done,
            { IsWaiting: true } => OutboxDelivery.Later(result.Refusal!),
            { NotFound: { } missing } => OutboxDelivery.Refused(missing),
            _ when result.Refusal!.Contains("only a draft can be issued", StringComparison.Ordinal) => OutboxDelivery.Done,
            _ => OutboxDelivery.ForAPerson(result.Refusal!),
        };
    }
}
