using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GoCardlessSimulator.Api;
using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Webhooks;

/// <summary>
/// Sends each change's events as one webhook <c>{"events": [...]}</c> to the registered endpoint, signed with
/// Webhook-Signature = hex HMAC-SHA256 of the body under the endpoint's secret, one webhook after another, each retried on a
/// non-2xx answer or no answer. Faults: the next N webhooks delivered twice; the next N events held and then delivered one
/// per webhook, newest first. Without an endpoint events are kept (GET /events) and nothing is sent.
/// </summary>
public sealed class WebhookDispatcher(IHttpClientFactory clients) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private readonly Channel<IReadOnlyList<SimEvent>> _queue = Channel.CreateUnbounded<IReadOnlyList<SimEvent>>();
    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();
    private readonly Lock _gate = new();
    private readonly List<SimEvent> _held = [];
    private WebhookEndpoint? _endpoint;
    private int _webhookCounter;
    private int _duplicates;
    private int _holdForReorder;

    public IReadOnlyList<WebhookDelivery> Deliveries => [.. _deliveries];

    public WebhookEndpoint? Endpoint
    {
        get { lock (_gate) return _endpoint; }
        set { lock (_gate) _endpoint = value; }
    }

    public void Send(IReadOnlyList<SimEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            if (_holdForReorder > 0)
            {
                _held.AddRange(events);
                if (_held.Count < _holdForReorder)
                {
                    return;
                }
                _holdForReorder = 0;
                foreach (var held in Enumerable.Reverse(_held))
                {
                    _queue.Writer.TryWrite([held]);
                }
                _held.Clear();
                return;
            }
        }
        _queue.Writer.TryWrite(events);
    }

    public void DuplicateNext(int webhooks)
    {
        lock (_gate) _duplicates = webhooks;
    }

    public void ReorderNext(int events)
    {
        lock (_gate) _holdForReorder = events;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _endpoint = null;
            _duplicates = 0;
            _holdForReorder = 0;
            _held.Clear();
        }
        _deliveries.Clear();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var events in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            WebhookEndpoint? endpoint;
            bool twice;
            string webhookId;
            lock (_gate)
            {
                endpoint = _endpoint;
                twice = _duplicates > 0 && endpoint is not null;
                if (twice) _duplicates--;
                webhookId = $"WB{++_webhookCounter:D12}";
            }
            if (endpoint is null)
            {
                continue;
            }
            var body = JsonSerializer.Serialize(new { events = events.Select(Shapes.Event) }, SimJson.Options);
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(endpoint.Secret), Encoding.UTF8.GetBytes(body)));
            await DeliverAsync(endpoint, webhookId, events, body, signature, stoppingToken);
            if (twice)
            {
                await DeliverAsync(endpoint, webhookId, events, body, signature, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(
        WebhookEndpoint endpoint, string webhookId, IReadOnlyList<SimEvent> events, string body, string signature, CancellationToken stoppingToken)
    {
        var http = clients.CreateClient(HttpClientName);
        for (var attempt = 1; attempt <= endpoint.MaxAttempts; attempt++)
        {
            var status = 0;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Webhook-Signature", signature);
                request.Headers.UserAgent.ParseAdd("gocardless-webhook-service/1.1");
                using var response = await http.SendAsync(request, stoppingToken);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                status = 0;
            }
            _deliveries.Enqueue(new WebhookDelivery(webhookId, attempt, status, events.Select(e => e.Id).ToList(), body, signature));
            if (status is >= 200 and < 300)
            {
                return;
            }
            if (attempt < endpoint.MaxAttempts)
            {
                await Task.Delay(endpoint.RetryDelay * attempt, stoppingToken);
            }
        }
    }
}
