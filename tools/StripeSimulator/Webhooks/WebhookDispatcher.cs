using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StripeSimulator.Api;
using StripeSimulator.State;

namespace StripeSimulator.Webhooks;

/// <summary>
/// Makes events (<c>{"id": "evt_…", "object": "event", "type", "created", "api_version", "data": {"object"}}</c>) and
/// posts each to the registered endpoint signed as Stripe signs: <c>Stripe-Signature: t={unix seconds},v1={hex
/// HMAC-SHA256 of "{t}.{body}" under the endpoint's whsec_ secret}</c>, signed afresh for every attempt. A non-2xx answer
/// or no answer is retried with a growing wait, up to WebhookMaxAttempts. Deliveries run side by side, so their order is
/// not promised (Stripe does not promise it either); the faults duplicate events or hold a batch and deliver it reversed.
/// </summary>
public sealed class WebhookDispatcher(
    StripeStore store, Faults faults, SimulatorSettings settings, TimeProvider clock, IHttpClientFactory httpClientFactory,
    IHostApplicationLifetime lifetime)
{
    public const string HttpClientName = "webhooks";

    private readonly Lock _lock = new();
    private readonly List<JsonObject> _held = [];
    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();
    private int _holdTarget;

    public WebhookEndpoint? Endpoint { get; private set; }

    public IReadOnlyList<WebhookDelivery> Deliveries => [.. _deliveries];

    public void Register(WebhookEndpoint endpoint)
    {
        lock (_lock) Endpoint = endpoint;
    }

    public JsonObject Publish(string type, JsonObject dataObject)
    {
        var stripeEvent = new JsonObject
        {
            ["id"] = Ids.New("evt"),
            ["object"] = "event",
            ["api_version"] = settings.ApiVersion,
            ["created"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
            ["livemode"] = false,
            ["pending_webhooks"] = Endpoint is null ? 0 : 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        store.Events.Enqueue(stripeEvent);
        List<JsonObject> release;
        lock (_lock)
        {
            if (Endpoint is null) return stripeEvent;
            if (_holdTarget == 0 && faults.OutOfOrderEvents > 0)
            {
                _holdTarget = faults.OutOfOrderEvents;
                faults.WebhooksOutOfOrder(0);
            }
            if (_holdTarget == 0)
            {
                release = [stripeEvent];
            }
            else
            {
                _held.Add(stripeEvent);
                if (_held.Count < _holdTarget) return stripeEvent;
                release = ReleaseHeld();
            }
        }
        Send(release);
        return stripeEvent;
    }

    /// <summary>Delivers what the out-of-order fault is holding, newest first, without waiting for the batch to fill.</summary>
    public int Flush()
    {
        List<JsonObject> release;
        lock (_lock) release = ReleaseHeld();
        Send(release);
        return release.Count;
    }

    public void Reset()
    {
        lock (_lock)
        {
            _held.Clear();
            _holdTarget = 0;
            _deliveries.Clear();
        }
    }

    private List<JsonObject> ReleaseHeld()
    {
        var release = Enumerable.Reverse(_held).ToList();
        _held.Clear();
        _holdTarget = 0;
        return release;
    }

    private void Send(List<JsonObject> events)
    {
        if (events.Count == 0 || Endpoint is not { } endpoint) return;
        var copies = events.SelectMany(e => faults.TakeDuplicate() ? new[] { e, e } : [e]).ToList();
        _ = Task.Run(async () =>
        {
            foreach (var stripeEvent in copies)
            {
                await DeliverAsync(endpoint, stripeEvent, lifetime.ApplicationStopping);
            }
        });
    }

    private async Task DeliverAsync(WebhookEndpoint endpoint, JsonObject stripeEvent, CancellationToken stopping)
    {
        var body = stripeEvent.ToJsonString();
        var id = (string)stripeEvent["id"]!;
        var type = (string)stripeEvent["type"]!;
        var wait = settings.WebhookRetry;
        for (var attempt = 1; attempt <= settings.WebhookMaxAttempts && !stopping.IsCancellationRequested; attempt++)
        {
            var status = 0;
            try
            {
                using var http = httpClientFactory.CreateClient(HttpClientName);
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
                request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(body, endpoint.Secret, clock.GetUtcNow().ToUnixTimeSeconds()));
                using var response = await http.SendAsync(request, stopping);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }
            _deliveries.Enqueue(new WebhookDelivery(id, type, attempt, status));
            if (status is >= 200 and < 300) return;
            try
            {
                await Task.Delay(wait, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait *= 2;
        }
    }

    public static string Sign(string body, string secret, long timestamp)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
