using PartnerCenterSimulator.Clock;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// Partner Center's documented limit: 500 requests a minute per partner tenant (microsoft-csp.md §4), counted in whole
/// minutes of the simulator's clock. The simulator hosts one partner, so there is one count. A request over the limit
/// gets the seconds until the minute ends, for Retry-After.
/// </summary>
public sealed class PartnerRateLimit(SimulatedClock clock, SimulatorSettings settings)
{
    private readonly Lock _gate = new();
    private long _minute = long.MinValue;
    private int _count;
    private int _requests;

    /// <summary>Every request that reached the API, answered or refused: what a test counts to see that nothing was retried.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Count() => Interlocked.Increment(ref _requests);

    /// <summary>Null when the request may go through; otherwise how long to wait.</summary>
    public TimeSpan? Take()
    {
        var limit = settings.RequestsPerMinute;
        if (limit <= 0)
        {
            return null;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var minute = Math.DivRem(now, 60_000, out var into);
            if (minute != _minute)
            {
                (_minute, _count) = (minute, 0);
            }
            if (++_count <= limit)
            {
                return null;
            }
            return TimeSpan.FromSeconds(Math.Max(1, (int)Math.Ceiling((60_000 - into) / 1000.0)));
        }
    }
}
