using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Prorata.Application.Outbox;
using Prorata.Application.WorkItems;
using Prorata.Data;
using Prorata.Data.Outbox;
using Prorata.Data.Webhooks;

namespace Prorata.Application.Webhooks;

/// <summary>
/// POSTs one delivery to its endpoint, signed, and logs the attempt. A 2xx delivers it. No answer within the timeout, a
/// network error, a 5xx, 408 or 429 is tried again by the outbox (1, 2, 4 … minutes apart, never before a Retry-After),
/// and after the outbox's last attempt the delivery fails with a work item. A 3xx (redirects are not followed: the
/// signature is for the registered URL) or another 4xx fails it at once, with a work item: sending it again would get the
/// same answer. The attempt, the delivery's state and the outbox message are saved together by the dispatcher.
/// </summary>
public sealed class WebhookDeliveryHandler(ProrataDbContext db, IHttpClientFactory http, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider time)
    : IOutboxHandler
{
    /// <summary>The factory's client for endpoints: no redirects, a timeout per attempt (its resilience handler), no retries of its own.</summary>
    public const string HttpClientName = "Prorata.Webhooks";

    public OutboxTopic Topic => OutboxTopic.WebhookDelivery;

    public async Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = OutboxWriter.Read<WebhookDeliveryRequest>(message);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId, cancellationToken);
        if (delivery is null) return OutboxDelivery.Refused($"Webhook delivery {request.DeliveryId} no longer exists: its subscription was removed.");
        // Settled by an earlier message: a redelivery sets the delivery pending before it queues its own.
        if (delivery.State != WebhookDeliveryState.Pending) return OutboxDelivery.Done;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var now = time.GetUtcNow();
        if (!subscription.Active)
        {
            const string inactive = "The webhook was deactivated before this event was sent.";
            Settle(delivery, WebhookDeliveryState.Failed, null, inactive);
            return OutboxDelivery.Refused(inactive);
        }

        var signing = new List<string> { secrets.Unprotect(subscription.ProtectedSecret) };
        if (subscription is { ProtectedPreviousSecret: { } previous, PreviousSecretUntil: { } until } && until > now) signing.Add(secrets.Unprotect(previous));
        var attempt = new WebhookAttempt { DeliveryId = delivery.Id, Number = delivery.Attempts + 1, At = now };
        var started = time.GetTimestamp();
        var (verdict, error, retryAfter) = await PostAsync(subscription.Url, signing, delivery, attempt, now, cancellationToken);
        // Logged once the endpoint answered or failed to: an unexpected exception leaves the delivery as it was, for the outbox to retry.
        attempt.DurationMs = (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);
        attempt.Error = error is null ? null : Clip(error);
        delivery.Attempts = attempt.Number;
        delivery.Log.Add(attempt);
        var answered = time.GetUtcNow();
        var reason = error ?? $"HTTP {attempt.StatusCode}";
        switch (verdict)
        {
            case Verdict.Delivered:
                attempt.Outcome = WebhookAttemptOutcome.Delivered;
                Settle(delivery, WebhookDeliveryState.Delivered, attempt.StatusCode, null);
                delivery.DeliveredAt = answered;
                return OutboxDelivery.Done;
            case Verdict.Refused:
                attempt.Outcome = WebhookAttemptOutcome.Refused;
                Settle(delivery, WebhookDeliveryState.Failed, attempt.StatusCode, reason);
                await new WorkItemRaiser(db, time).RaiseAsync(WebhookProblems.Refused(subscription, delivery, reason) with { CustomerId = message.CustomerId }, cancellationToken);
                return OutboxDelivery.Refused(reason);
            case Verdict.Retry when message.Attempts < OutboxDispatcher.MaxAttempts:
                attempt.Outcome = WebhookAttemptOutcome.Retrying;
                Settle(delivery, WebhookDeliveryState.Pending, attempt.StatusCode, reason);
                delivery.NextAttemptAt = OutboxDispatcher.NextAttemptAt(answered, message.Attempts, retryAfter);
                return OutboxDelivery.Later(reason, retryAfter);
            default:
                attempt.Outcome = WebhookAttemptOutcome.GaveUp;
                Settle(delivery, WebhookDeliveryState.Failed, attempt.StatusCode, reason);
                await new WorkItemRaiser(db, time).RaiseAsync(
                    WebhookProblems.Abandoned(subscription, delivery, message.Attempts, reason) with { CustomerId = message.CustomerId }, cancellationToken);
                return OutboxDelivery.GaveUp(reason);
        }
    }

    private async Task<(Verdict Verdict, string? Error, TimeSpan? RetryAfter)> PostAsync(string url, IReadOnlyList<string> signing, WebhookDelivery delivery,
        WebhookAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var post = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Payload)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        post.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId.ToString());
        post.Headers.Add(WebhookSignature.EventTypeHeader, delivery.EventType);
        post.Headers.Add(WebhookSignature.DeliveryIdHeader, delivery.Id.ToString());
        post.Headers.Add(WebhookSignature.AttemptHeader, attempt.Number.ToString(CultureInfo.InvariantCulture));
        post.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        post.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(timestamp, delivery.Payload, signing));
        post.Headers.UserAgent.Add(new ProductInfoHeaderValue("Prorata-Webhooks", "1"));
        try
        {
            // Headers only: the answer's body is neither needed nor kept.
            using var response = await http.CreateClient(HttpClientName).SendAsync(post, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            attempt.StatusCode = (int)response.StatusCode;
            var status = $"HTTP {attempt.StatusCode} {response.ReasonPhrase}".TrimEnd();
            return attempt.StatusCode switch
            {
                >= 200 and < 300 => (Verdict.Delivered, null, null),
                (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 => (Verdict.Retry, status, RetryAfter(response, now)),
                >= 300 and < 400 => (Verdict.Refused, $"{status}: redirects are not followed; register the URL it points to", null),
                _ => (Verdict.Refused, status, null),
            };
        }
        catch (TimeoutRejectedException)
        {
            return (Verdict.Retry, $"No answer within {options.Value.TimeoutSeconds} s.", null);
        }
        catch (HttpRequestException e)
        {
            return (Verdict.Retry, Clip(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message), null);
        }
    }

    /// <summary>Retry-After as seconds or as a date; a date already past asks for no wait.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static void Settle(WebhookDelivery delivery, WebhookDeliveryState state, int? statusCode, string? error)
    {
        delivery.State = state;
        delivery.LastStatusCode = statusCode;
        delivery.LastError = error is null ? null : Clip(error);
        delivery.NextAttemptAt = null;
    }

    private static string Clip(string text) => WorkItemRaiser.Clip(text, 1000);

    private enum Verdict
    {
        Delivered,
        Retry,
        Refused,
    }
}
