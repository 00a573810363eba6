namespace PartnerCenterSimulator.Api;

/// <summary>
/// Faults injected by tests and demos: 429 storms with Retry-After, extra 409s as during renewal processing, and
/// checkouts whose order is placed but whose answer is lost on the way back.
/// </summary>
public sealed class Faults
{
    private int _throttled;
    private int _conflicts;
    private int _lostCheckoutAnswers;

    public int RetryAfterSeconds { get; private set; } = 1;

    public void Throttle(int requests, int retryAfterSeconds)
    {
        RetryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _throttled, requests);
    }

    public void Conflict(int requests) => Interlocked.Exchange(ref _conflicts, requests);

    public void LoseCheckoutAnswers(int requests) => Interlocked.Exchange(ref _lostCheckoutAnswers, requests);

    public bool TakeThrottle() => TakeOne(ref _throttled);

    public bool TakeLostCheckoutAnswer() => TakeOne(ref _lostCheckoutAnswers);

    public bool TakeConflict() => TakeOne(ref _conflicts);

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
