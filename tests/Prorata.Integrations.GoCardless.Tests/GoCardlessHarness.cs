using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCardlessSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Prorata.Integrations.GoCardless.Tests;

/// <summary>
/// The simulator on a free loopback port (its clock fixed at Monday 2 March 2026, 09:00 UTC), Prorata's gateway wired to it
/// exactly as a host wires it (<see cref="GoCardlessServiceCollectionExtensions.AddGoCardlessPayments"/> over a
/// "Prorata:GoCardless" section, with one-second attempts and short back-offs so faults play out quickly), and a webhook
/// endpoint on another loopback port that does what the host's does: read the raw body, let the gateway verify it, answer
/// 204, or 498 when the signature is refused.
/// </summary>
internal sealed class GoCardlessHarness : IAsyncDisposable
{
    public const string WebhookSecret = "simulated-webhook-secret";
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly WebApplication _simulator;
    private readonly WebApplication _receiver;
    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<ReceivedWebhook> _webhooks;

    private GoCardlessHarness(WebApplication simulator, WebApplication receiver, ServiceProvider services, Uri simulatorAddress, ConcurrentQueue<ReceivedWebhook> webhooks)
    {
        _simulator = simulator;
        _receiver = receiver;
        _services = services;
        _webhooks = webhooks;
        Admin = new HttpClient { BaseAddress = simulatorAddress };
        Gateway = services.GetRequiredService<GoCardlessGateway>();
    }

    public GoCardlessGateway Gateway { get; }

    /// <summary>The simulator's <c>/_sim</c> controls, and its API without Prorata's client.</summary>
    public HttpClient Admin { get; }

    public IReadOnlyList<ReceivedWebhook> Webhooks => [.. _webhooks];

    public static async Task<GoCardlessHarness> StartAsync(
        string accessToken = SimulatorApp.DefaultAccessToken, string webhookSecret = WebhookSecret, int maxRetryAttempts = 3)
    {
        var (simulator, address) = await SimulatorApp.StartOnLoopbackAsync([], CancellationToken.None, new FakeTimeProvider(Now));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Prorata:GoCardless:AccessToken"] = accessToken,
            ["Prorata:GoCardless:WebhookSecret"] = webhookSecret,
            ["Prorata:GoCardless:BaseAddress"] = address.ToString(),
            ["Prorata:GoCardless:TimeoutSeconds"] = "1",
            ["Prorata:GoCardless:MaxRetryAttempts"] = maxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Prorata:GoCardless:RetryDelay"] = "00:00:00.010",
            ["Prorata:GoCardless:MaxRetryAfter"] = "00:00:02",
            ["Prorata:GoCardless:TotalTimeout"] = "00:00:20",
        }).Build();
        var services = new ServiceCollection().AddGoCardlessPayments(configuration).BuildServiceProvider();
        var gateway = services.GetRequiredService<GoCardlessGateway>();

        var webhooks = new ConcurrentQueue<ReceivedWebhook>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = builder.Build();
        receiver.MapPost("/webhooks/gocardless", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var signature = request.Headers[GoCardlessGateway.SignatureHeaderName].FirstOrDefault();
            try
            {
                var events = gateway.ReadWebhook(body, signature);
                webhooks.Enqueue(new ReceivedWebhook(body, signature, StatusCodes.Status204NoContent, events));
                return Results.NoContent();
            }
            catch (GoCardlessWebhookRefusedException)
            {
                webhooks.Enqueue(new ReceivedWebhook(body, signature, GoCardlessGateway.InvalidSignatureStatusCode, []));
                return Results.StatusCode(GoCardlessGateway.InvalidSignatureStatusCode);
            }
        });
        await receiver.StartAsync();

        var harness = new GoCardlessHarness(simulator, receiver, services, address, webhooks);
        using var registered = await harness.Admin.PutAsJsonAsync("_sim/webhooks", new
        {
            url = new Uri(new Uri(receiver.Urls.First()), "webhooks/gocardless"),
            secret = WebhookSecret,
            max_attempts = 3,
            retry_delay_milliseconds = 50,
        }, Json);
        registered.EnsureSuccessStatusCode();
        return harness;
    }

    /// <summary>What a customer does: open the flow's page, fill in the form, submit it; returns where GoCardless sent them (303).</summary>
    public async Task<Uri> CompleteHostedPageAsync(Uri authorisationUrl, IDictionary<string, string> form)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(authorisationUrl);
        Assert.Contains("<label for=\"account_holder_name\">Account holder name</label>", page);
        using var submitted = await browser.PostAsync(authorisationUrl, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        return submitted.Headers.Location!;
    }

    /// <summary>A GBP mandate through the hosted page with a UK test account (sort code 200000, the given account number).</summary>
    public async Task<GoCardlessMandate> SetUpMandateAsync(string accountNumber = "55779911")
    {
        var setup = await Gateway.StartMandateSetupAsync(new MandateSetupRequest(
            "cust-42", "Contoso Ltd", "billing@contoso.example", "GBP",
            new Uri("https://prorata.example/direct-debit/done"), new Uri("https://prorata.example/direct-debit/left")), CancellationToken.None);
        await CompleteHostedPageAsync(setup.AuthorisationUrl, new Dictionary<string, string>
        {
            ["account_holder_name"] = "Contoso Ltd", ["branch_code"] = "200000", ["account_number"] = accountNumber,
        });
        return await Gateway.CompleteMandateSetupAsync(setup.BillingRequestId, CancellationToken.None)
               ?? throw new InvalidOperationException("The billing request was not fulfilled.");
    }

    public async Task PostAdminAsync(string path, object body)
    {
        using var response = await Admin.PostAsJsonAsync($"_sim/{path}", body, Json);
        response.EnsureSuccessStatusCode();
    }

    public async Task AdvanceAsync(string paymentId, int steps = 1)
    {
        for (var i = 0; i < steps; i++) await PostAdminAsync("advance", new { payment_id = paymentId });
    }

    public async Task<IReadOnlyList<RecordedPayment>> PaymentsAsync() =>
        await Admin.GetFromJsonAsync<List<RecordedPayment>>("_sim/payments", Json) ?? [];

    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync() =>
        await Admin.GetFromJsonAsync<List<RecordedRequest>>("_sim/requests", Json) ?? [];

    public async Task<IReadOnlyList<RecordedDelivery>> DeliveriesAsync() =>
        await Admin.GetFromJsonAsync<List<RecordedDelivery>>("_sim/webhooks/deliveries", Json) ?? [];

    /// <summary>Waits (at most five seconds) until the endpoint has accepted events satisfying <paramref name="done"/>; returns them in arrival order.</summary>
    public async Task<IReadOnlyList<GoCardlessEvent>> EventsAsync(Func<IReadOnlyList<GoCardlessEvent>, bool> done)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        while (true)
        {
            var events = Webhooks.SelectMany(w => w.Events).ToList();
            if (done(events) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return events;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="count"/> events arrived, then returns the ones about <paramref name="resourceId"/>.</summary>
    public async Task<IReadOnlyList<GoCardlessEvent>> EventsAboutAsync(string resourceId, int count) =>
        (await EventsAsync(all => all.Count(e => e.PaymentId == resourceId) >= count)).Where(e => e.PaymentId == resourceId).ToList();

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _services.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
    }
}

internal sealed record ReceivedWebhook(string Body, string? Signature, int Answer, IReadOnlyList<GoCardlessEvent> Events);

internal sealed record RecordedPayment(
    string Id, string Mandate, long Amount, string Currency, string Status, string ChargeDate, string? IdempotencyKey, Dictionary<string, string> Metadata);

internal sealed record RecordedRequest(string Method, string Path, string? IdempotencyKey, int Status);

internal sealed record RecordedDelivery(string WebhookId, int Attempt, int Status, List<string> EventIds, string Body, string Signature);
