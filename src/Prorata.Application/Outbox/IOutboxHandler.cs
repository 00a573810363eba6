using Prorata.Data.Outbox;

namespace Prorata.Application.Outbox;

/// <summary>Delivers the messages of one topic. It may be called again for the same message (after a stop), so it is idempotent.</summary>
public interface IOutboxHandler
{
    OutboxTopic Topic { get; }

    Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
