namespace Prorata.Application.Outbox;

/// <summary>Wakes the outbox worker when a message was queued, so it is delivered now rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Queued()
    {
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up delivers everything due.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
