using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Prorata.Integrations.GoCardless.Http;

/// <summary>
/// When and how long to retry: 5xx, 408, 429 and timeouts, a bounded number of times. POSTs are retried too: each carries an
/// Idempotency-Key that stays on the request across attempts, so GoCardless creates once and answers a repeat with
/// idempotent_creation_conflict, which the gateway settles by fetching the resource created first.
/// </summary>
internal static class GoCardlessRetry
{
    public static HttpRetryStrategyOptions Create(GoCardlessOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        DelayGenerator = args => ValueTask.FromResult(RateLimitWait(args.Outcome.Result, options)),
    };

    // A 429 from GoCardless carries RateLimit-Reset (an HTTP date); Retry-After is honoured too. Null falls back to back-off.
    private static TimeSpan? RateLimitWait(HttpResponseMessage? response, GoCardlessOptions options)
    {
        if (response is null)
        {
            return null;
        }
        TimeSpan? wait = response.Headers.RetryAfter?.Delta;
        if (wait is null && response.Headers.TryGetValues("RateLimit-Reset", out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var reset)
            && response.Headers.Date is { } date)
        {
            wait = reset - date;
        }
        if (wait is not { } delay)
        {
            return null;
        }
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;
    }
}
