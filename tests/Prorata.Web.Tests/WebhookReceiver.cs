using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Prorata.Web.Tests;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (Kestrel, a free port) that records every request it gets, headers and body, and
/// answers as the test scripted: the next status (with headers), or holding the request until the sender gives up.
/// Unscripted requests get 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly List<ReceivedWebhook> _received = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hooks/prorata", receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.First() + "/hooks/prorata";
        return receiver;
    }

    /// <summary>The next request is answered <paramref name="status"/>, with <paramref name="headers"/>.</summary>
    public void AnswerNext(int status, params (string Name, string Value)[] headers) => _answers.Enqueue(new Answer(status, headers, null));

    /// <summary>The next request is recorded, then held without an answer until the sender drops it; the task completes when it has arrived.</summary>
    public Task HoldNext()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _answers.Enqueue(new Answer(200, [], arrived));
        return arrived.Task;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        lock (_received)
        {
            _received.Add(new ReceivedWebhook(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.ContentType, body));
        }
        var answer = _answers.TryDequeue(out var next) ? next : new Answer(200, [], null);
        if (answer.Held is { } held)
        {
            held.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        foreach (var (name, value) in answer.Headers) context.Response.Headers[name] = value;
        context.Response.StatusCode = answer.Status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Answer(int Status, (string Name, string Value)[] Headers, TaskCompletionSource? Held);
}

/// <summary>One request as the receiver got it.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
