using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Prorata.Integrations.PartnerCenter.Http;

/// <summary>
/// When and how long to retry. Throttling (429, 500 requests/min per tenant, §4) waits for Retry-After; renewal processing
/// (409 on an update, §1.5) waits the 2 minutes Microsoft asks for; other transient failures back off exponentially.
/// A POST that creates something (checkout, transition) is retried only when Partner Center certainly did not act on it.
/// </summary>
internal static class PartnerCenterRetry
{
    public static HttpRetryStrategyOptions Create(PartnerCenterOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
        DelayGenerator = args => ValueTask.FromResult(DelayFor(args.Outcome.Result, options)),
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var method = outcome.Result?.RequestMessage?.Method ?? context.GetRequestMessage()?.Method;
        var status = outcome.Result?.StatusCode;
        if (status is HttpStatusCode.TooManyRequests)
        {
            return true;
        }
        if (status is HttpStatusCode.Conflict)
        {
            return method != HttpMethod.Get;
        }
        // GETs and conditional PATCHes (If-Match makes a repeat harmless) survive any transient failure.
        return (method == HttpMethod.Get || method == HttpMethod.Patch) && HttpClientResiliencePredicates.IsTransient(outcome);
    }

    private static TimeSpan? DelayFor(HttpResponseMessage? response, PartnerCenterOptions options)
    {
        if (response is null)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return options.RenewalConflictDelay;
        }
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - (response.Headers.Date ?? date) : null);
        if (wait is not { } delay)
        {
            return null;
        }
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;
    }
}
