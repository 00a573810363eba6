namespace StripeSimulator.Api;

/// <summary>
/// Faults a test turns on: the next N API requests fail (500 or 429) before anything is done or wait before they are
/// handled; the next N answers to PaymentIntent creations are lost after the charge was made (connection aborted, or a
/// 504 from the gateway); the next N charges are declined with a given code; the next N events are delivered twice, or
/// held and delivered in reverse order; SEPA settlement is held.
/// </summary>
public sealed class Faults
{
    private readonly Lock _lock = new();
    private int _failures;
    private int _delayed;
    private int _lostAnswers;
    private int _declines;

    public int FailureStatus { get; private set; } = 500;

    public TimeSpan Delay { get; private set; }

    public bool LoseByAbort { get; private set; } = true;

    public string DeclineCode { get; private set; } = "generic_decline";

    public int DuplicatedEvents { get; private set; }

    public int OutOfOrderEvents { get; private set; }

    public bool SepaHeld { get; private set; }

    public void Fail(int requests, int status)
    {
        lock (_lock) (_failures, FailureStatus) = (requests, status);
    }

    public void Slow(int requests, TimeSpan delay)
    {
        lock (_lock) (_delayed, Delay) = (requests, delay);
    }

    public void LoseAnswers(int requests, bool byAbort)
    {
        lock (_lock) (_lostAnswers, LoseByAbort) = (requests, byAbort);
    }

    public void Decline(int charges, string declineCode)
    {
        lock (_lock) (_declines, DeclineCode) = (charges, declineCode);
    }

    public void DuplicateWebhooks(int events)
    {
        lock (_lock) DuplicatedEvents = events;
    }

    public void WebhooksOutOfOrder(int events)
    {
        lock (_lock) OutOfOrderEvents = events;
    }

    public void HoldSepa(bool hold)
    {
        lock (_lock) SepaHeld = hold;
    }

    public bool TakeFailure() => Take(ref _failures);

    public bool TakeDelay() => Take(ref _delayed);

    public bool TakeLostAnswer() => Take(ref _lostAnswers);

    public string? TakeDecline()
    {
        lock (_lock) return Take(ref _declines) ? DeclineCode : null;
    }

    public bool TakeDuplicate()
    {
        lock (_lock)
        {
            if (DuplicatedEvents <= 0) return false;
            DuplicatedEvents--;
            return true;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            (_failures, _delayed, _lostAnswers, _declines) = (0, 0, 0, 0);
            (DuplicatedEvents, OutOfOrderEvents, SepaHeld) = (0, 0, false);
        }
    }

    private bool Take(ref int counter)
    {
        lock (_lock)
        {
            if (counter <= 0) return false;
            counter--;
            return true;
        }
    }
}
