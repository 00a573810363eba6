namespace PartnerCenterSimulator.Clock;

/// <summary>
/// The simulator's "now". Frozen by default so tests are deterministic; it moves only when advanced
/// (<c>POST /_sim/clock/advance</c>). In running mode it also follows the host's clock from the start instant,
/// for demos where the out-of-band timer should produce changes at realistic times.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly TimeProvider _host;
    private readonly long _startTimestamp;
    private readonly bool _running;
    private readonly Lock _gate = new();
    private DateTimeOffset _start;

    public SimulatedClock(DateTimeOffset start, bool running = false, TimeProvider? host = null)
    {
        _host = host ?? System;
        _start = start;
        _running = running;
        _startTimestamp = _host.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _running ? _start + _host.GetElapsedTime(_startTimestamp) : _start;
        }
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        }
        lock (_gate)
        {
            _start += by;
        }
        return GetUtcNow();
    }
}
