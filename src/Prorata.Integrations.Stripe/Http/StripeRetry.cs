using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Prorata.Integrations.Stripe.Http;

/// <summary>
/// When to try a request again: a lost answer (connection error, timeout), a 5xx, 408, 429, or a 409 that Stripe marks
/// retryable; never when Stripe answers <c>Stripe-Should-Retry: false</c>. POSTs are retried too: every one carries an
/// Idempotency-Key, and the retry sends the same request message, so Stripe replays its first answer instead of acting twice.
/// </summary>
internal static class StripeRetry
{
    public const string ShouldRetryHeader = "Stripe-Should-Retry";

    public static HttpRetryStrategyOptions Create(StripeOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response && response.Headers.TryGetValues(ShouldRetryHeader, out var values))
        {
            var advice = values.FirstOrDefault();
            if (advice == "false") return false;
            if (advice == "true") return true;
        }
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
