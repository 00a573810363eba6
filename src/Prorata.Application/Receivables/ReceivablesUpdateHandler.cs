using Prorata.Application.Outbox;
using Prorata.Application.Receivables.Collection;
using Prorata.Data.Outbox;

namespace Prorata.Application.Receivables;

/// <summary>
/// Settles an issued (or voided) invoice in its customer's receivables: the credit balance pays it, dunning's hold follows.
/// Computing again from the facts is idempotent, so a message handled twice changes nothing more; an auto-charge is
/// queued once (its outbox key).
/// </summary>
public sealed class ReceivablesUpdateHandler(CustomerPayments payments, AutoCharges charges) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.ReceivablesUpdate;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var update = OutboxWriter.Read<ReceivablesUpdate>(message);
        await payments.UpdateAsync(update.CustomerId, cancellationToken);
        // A contract that auto-charges collects what the credit left of the invoice, once it is in the receivables.
        if (message.IdempotencyKey == ReceivablesUpdate.Key(update.InvoiceId, "issued")) await charges.QueueFirstAsync(update.InvoiceId, cancellationToken);
        return OutboxDelivery.Done;
    }
}
