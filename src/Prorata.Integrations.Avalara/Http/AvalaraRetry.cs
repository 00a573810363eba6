using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Prorata.Integrations.Avalara.Http;

/// <summary>
/// When and how long to retry: 5xx, 408, 429 and timeouts, a bounded number of times. POSTs are retried too, because every
/// call Prorata makes is safe to repeat: createoradjust and commit are keyed by the document's code, void ends in the same
/// state, and resolving an address changes nothing.
/// </summary>
internal static class AvalaraRetry
{
    public static HttpRetryStrategyOptions Create(AvalaraOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options)),
    };

    // A throttled answer says how long to wait; null falls back to the exponential back-off.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, AvalaraOptions options)
    {
        var retryAfter = response?.Headers.RetryAfter;
        TimeSpan? wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - (response!.Headers.Date ?? date) : null);
        if (wait is not { } delay)
        {
            return null;
        }
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;
    }
}
