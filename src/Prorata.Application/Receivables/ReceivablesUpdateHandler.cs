using Prorata.Application.Outbox;
using Prorata.Data.Outbox;

namespace Prorata.Application.Receivables;

/// <summary>
/// Settles an issued (or voided) invoice in its customer's receivables: the credit balance pays it, dunning's hold follows.
/// Computing again from the facts is idempotent, so a message handled twice changes nothing more.
/// </summary>
public sealed class ReceivablesUpdateHandler(CustomerPayments payments) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.ReceivablesUpdate;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var update = OutboxWriter.Read<ReceivablesUpdate>(message);
        await payments.UpdateAsync(update.CustomerId, cancellationToken);
        return OutboxDelivery.Done;
    }
}
