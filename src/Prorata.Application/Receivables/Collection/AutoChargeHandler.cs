using Prorata.Application.Outbox;
using Prorata.Data.Outbox;

namespace Prorata.Application.Receivables.Collection;

/// <summary>Delivers an auto-charge attempt (<see cref="AutoCharges.ChargeAsync"/>).</summary>
public sealed class AutoChargeHandler(AutoCharges charges) : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.AutoCharge;

    public Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        charges.ChargeAsync(OutboxWriter.Read<AutoChargeRequest>(message), cancellationToken);
}
