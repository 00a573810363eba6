namespace PartnerCenterSimulator.Background;

/// <summary>Makes one random out-of-band change per interval while enabled, for demos of two-way sync.</summary>
public sealed class OutOfBandTimer(OutOfBandActor actor, ILogger<OutOfBandTimer> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running is not null;
            }
        }
    }

    public void Start(TimeSpan interval)
    {
        lock (_gate)
        {
            StopLocked();
            var cts = new CancellationTokenSource();
            _running = cts;
            _loop = RunAsync(interval, cts.Token);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            StopLocked();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _loop.ConfigureAwait(false);
    }

    private void StopLocked()
    {
        _running?.Cancel();
        _running?.Dispose();
        _running = null;
    }

    private async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var change in actor.MakeRandomChanges(1))
                {
                    logger.LogInformation("Out-of-band {Kind} on subscription {SubscriptionId}", change.Kind, change.SubscriptionId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped on request.
        }
    }
}
