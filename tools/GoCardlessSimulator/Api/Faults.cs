namespace GoCardlessSimulator.Api;

/// <summary>
/// Faults a test turns on for the next N API requests: 500 from GoCardless, 429 with the rate-limit headers, an answer
/// slower than the client waits (nothing done), and lost answers of payment creations (the payment is kept, then the answer
/// is held longer than the client waits).
/// </summary>
public sealed class Faults
{
    private int _serverErrors;
    private int _throttled;
    private int _delayed;
    private int _lostPaymentAnswers;

    public int ResetAfterSeconds { get; private set; } = 1;

    public TimeSpan Delay { get; private set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LostAnswerDelay { get; private set; } = TimeSpan.FromSeconds(5);

    public void ServerErrors(int requests) => Interlocked.Exchange(ref _serverErrors, requests);

    public void Throttle(int requests, int resetAfterSeconds)
    {
        ResetAfterSeconds = resetAfterSeconds;
        Interlocked.Exchange(ref _throttled, requests);
    }

    public void Slow(int requests, TimeSpan delay)
    {
        Delay = delay;
        Interlocked.Exchange(ref _delayed, requests);
    }

    public void LosePaymentAnswers(int requests, TimeSpan delay)
    {
        LostAnswerDelay = delay;
        Interlocked.Exchange(ref _lostPaymentAnswers, requests);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _serverErrors, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _delayed, 0);
        Interlocked.Exchange(ref _lostPaymentAnswers, 0);
    }

    public bool TakeServerError() => TakeOne(ref _serverErrors);

    public bool TakeThrottle() => TakeOne(ref _throttled);

    public bool TakeDelay() => TakeOne(ref _delayed);

    public bool TakeLostPaymentAnswer() => TakeOne(ref _lostPaymentAnswers);

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
