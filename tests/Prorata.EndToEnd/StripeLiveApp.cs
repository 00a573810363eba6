extern alias StripeSim;

using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;

namespace Prorata.EndToEnd;

/// <summary>
/// The Stripe simulator on a free 127.0.0.1 port and the real app on Kestrel pointed at it (secret key, API base, webhook
/// secret), with the simulator's webhooks posted to the app's /webhooks/stripe, as a partner configures it.
/// </summary>
public sealed class StripeLiveApp : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_end_to_end_secret";

    private WebApplication? _simulator;

    public LiveApp App { get; private set; } = null!;

    public HttpClient Simulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (simulator, address) = await StripeSim::StripeSimulator.SimulatorApp.StartOnLoopbackAsync([], CancellationToken.None);
        _simulator = simulator;
        Simulator = new HttpClient { BaseAddress = address };
        App = new LiveApp(new Dictionary<string, string?>
        {
            ["Prorata:Stripe:SecretKey"] = StripeSim::StripeSimulator.SimulatorApp.DefaultSecretKey,
            ["Prorata:Stripe:ApiBase"] = address.ToString(),
            ["Prorata:Stripe:WebhookSecret"] = WebhookSecret,
        });
        await App.InitializeAsync();
        using var registered = await Simulator.PostAsJsonAsync("_sim/webhook-endpoint", new { url = $"{App.BaseUrl}/webhooks/stripe", secret = WebhookSecret });
        registered.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Simulator.Dispose();
        if (_simulator is not null) await _simulator.DisposeAsync();
    }
}
