namespace AvalaraSimulator.Api;

/// <summary>
/// Faults a test turns on for the next N API requests: 503 from the gateway, 429 with Retry-After, an answer slower than
/// the client waits (nothing recorded), and a lost answer: the transaction is recorded, then the answer is held back
/// longer than the client waits.
/// </summary>
public sealed class Faults
{
    private int _unavailable;
    private int _throttled;
    private int _delayed;
    private int _lostAnswers;

    public int RetryAfterSeconds { get; private set; } = 1;

    public TimeSpan Delay { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LostAnswerDelay { get; private set; } = TimeSpan.FromSeconds(5);

    public void Unavailable(int requests) => Interlocked.Exchange(ref _unavailable, requests);

    public void Throttle(int requests, int retryAfterSeconds)
    {
        RetryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _throttled, requests);
    }

    public void Slow(int requests, TimeSpan delay)
    {
        Delay = delay;
        Interlocked.Exchange(ref _delayed, requests);
    }

    public void LoseAnswers(int requests, TimeSpan delay)
    {
        LostAnswerDelay = delay;
        Interlocked.Exchange(ref _lostAnswers, requests);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _unavailable, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _delayed, 0);
        Interlocked.Exchange(ref _lostAnswers, 0);
    }

    public bool TakeUnavailable() => TakeOne(ref _unavailable);

    public bool TakeThrottle() => TakeOne(ref _throttled);

    public bool TakeDelay() => TakeOne(ref _delayed);

    public bool TakeLostAnswer() => TakeOne(ref _lostAnswers);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
