using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Integrations.Stripe.Webhooks;
using StripeSimulator;

namespace Prorata.Integrations.Stripe.Tests;

/// <summary>
/// The simulator on a free loopback port, a webhook receiver registered with it, and Prorata's gateway wired to it exactly
/// as a host wires it (<see cref="StripeServiceCollectionExtensions.AddStripePayments"/> over a "Prorata:Stripe" section),
/// with a 2 s attempt timeout and 10 ms back-offs so faults play out quickly. SEPA debits settle only when a test asks.
/// </summary>
internal sealed class StripeHarness : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_prorata_tests_0123456789";
    public const string SuccessUrl = "https://prorata.test/payments/saved?session={CHECKOUT_SESSION_ID}";
    public const string CancelUrl = "https://prorata.test/payments/cancelled";

    private readonly WebApplication _simulator;
    private readonly ServiceProvider _services;

    private StripeHarness(WebApplication simulator, ServiceProvider services, Uri address, WebhookReceiver webhooks)
    {
        _simulator = simulator;
        _services = services;
        Webhooks = webhooks;
        Admin = new HttpClient { BaseAddress = address };
        // The customer's browser: it does not follow the redirect to Prorata's success page.
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        Api = new HttpClient { BaseAddress = address };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorApp.DefaultSecretKey);
        Gateway = services.GetRequiredService<StripeGateway>();
    }

    public StripeGateway Gateway { get; }

    /// <summary>The simulator's <c>/_sim</c> controls.</summary>
    public HttpClient Admin { get; }

    public HttpClient Browser { get; }

    /// <summary>Straight to the simulated API with the right key, to look at objects as Stripe holds them.</summary>
    public HttpClient Api { get; }

    public WebhookReceiver Webhooks { get; }

    public static async Task<StripeHarness> StartAsync(string secretKey = SimulatorApp.DefaultSecretKey)
    {
        var (app, address) = await SimulatorApp.StartOnLoopbackAsync(
            ["--SepaSettlementMilliseconds", "0", "--WebhookRetryMilliseconds", "20"], CancellationToken.None);
        var webhooks = await WebhookReceiver.StartAsync();
        using (var admin = new HttpClient { BaseAddress = address })
        {
            using var registered = await admin.PostAsJsonAsync("_sim/webhook-endpoint", new { url = webhooks.Url, secret = WebhookSecret });
            registered.EnsureSuccessStatusCode();
        }
        var services = Services(address, secretKey).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new StripeHarness(app, services, address, webhooks);
    }

    public static IServiceCollection Services(Uri apiBase, string secretKey, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Prorata:Stripe:SecretKey"] = secretKey,
            ["Prorata:Stripe:WebhookSecret"] = WebhookSecret,
            ["Prorata:Stripe:ApiBase"] = apiBase.ToString(),
            ["Prorata:Stripe:TimeoutSeconds"] = "2",
            ["Prorata:Stripe:MaxRetryAttempts"] = "2",
            ["Prorata:Stripe:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddStripePayments(configuration);
    }

    public Task<string> CustomerAsync(string prorataId = "CUST-42") =>
        Gateway.EnsureCustomerAsync(prorataId, "Contoso GmbH", "billing@contoso.example", null, CancellationToken.None);

    /// <summary>What the customer does on Stripe's page: opens the session's url and posts the form, as a browser would.</summary>
    public async Task<HttpResponseMessage> SubmitHostedFormAsync(SetupSession session, Dictionary<string, string> fields)
    {
        using var page = await Browser.GetAsync(session.Url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await Browser.PostAsync(session.Url, new FormUrlEncodedContent(fields));
    }

    public static Dictionary<string, string> Card(string number) => new()
    {
        ["method"] = "card", ["cardNumber"] = number, ["cardExpiry"] = "12 / 34", ["cardCvc"] = "123", ["billingName"] = "Anna Schmidt",
    };

    public static Dictionary<string, string> Iban(string iban) => new()
    {
        ["method"] = "sepa_debit", ["iban"] = iban, ["accountHolder"] = "Contoso GmbH",
    };

    /// <summary>A customer with the card saved through the hosted page; returns (customer id, payment method id).</summary>
    public async Task<(string Customer, string PaymentMethod)> SavedCardAsync(string number, string prorataId = "CUST-42")
    {
        var customer = await CustomerAsync(prorataId);
        var session = await Gateway.StartSetupAsync(customer, SuccessUrl, CancelUrl, ["card"], "EUR", CancellationToken.None);
        using var posted = await SubmitHostedFormAsync(session, Card(number));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var method = await Gateway.CompleteSetupAsync(session.Id, CancellationToken.None);
        return (customer, Assert.IsType<SavedPaymentMethod>(method).Id);
    }

    public async Task<(string Customer, string PaymentMethod)> SavedIbanAsync(string iban)
    {
        var customer = await CustomerAsync();
        var session = await Gateway.StartSetupAsync(customer, SuccessUrl, CancelUrl, ["card", "sepa_debit"], "EUR", CancellationToken.None);
        using var posted = await SubmitHostedFormAsync(session, Iban(iban));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var method = await Gateway.CompleteSetupAsync(session.Id, CancellationToken.None);
        return (customer, Assert.IsType<SavedPaymentMethod>(method).Id);
    }

    public async Task FaultAsync(string kind, object body)
    {
        using var response = await Admin.PostAsJsonAsync($"_sim/faults/{kind}", body);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonArray> PaymentIntentsAsync() => (JsonArray)(await Admin.GetFromJsonAsync<JsonNode>("_sim/payment_intents"))!;

    public async Task<JsonArray> RequestsAsync() => (JsonArray)(await Admin.GetFromJsonAsync<JsonNode>("_sim/requests"))!;

    public async Task SettleSepaAsync()
    {
        using var response = await Admin.PostAsync("_sim/sepa/settle", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The webhook deliveries read by the gateway, once <paramref name="count"/> of the wanted type arrived (5 s at most).</summary>
    public async Task<IReadOnlyList<StripeWebhookEvent>> WebhooksAsync(string type, int count = 1)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            var events = Webhooks.Received
                .Select(w => Gateway.ReadWebhook(w.Body, w.Signature, TimeProvider.System.GetUtcNow()))
                .Select(reading => Assert.IsType<WebhookAccepted>(reading).Event)
                .Where(e => e.Type == type)
                .ToList();
            if (events.Count >= count) return events;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{count} webhook(s) of type {type} did not arrive in 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Browser.Dispose();
        Api.Dispose();
        await _services.DisposeAsync();
        await Webhooks.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
