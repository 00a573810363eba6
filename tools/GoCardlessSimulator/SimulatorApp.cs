using GoCardlessSimulator.Api;
using GoCardlessSimulator.Flow;
using GoCardlessSimulator.State;
using GoCardlessSimulator.Webhooks;

namespace GoCardlessSimulator;

/// <summary>
/// Builds the simulator host. Used by Program (<c>--urls http://127.0.0.1:PORT</c>) and in-process by tests, which bind to a
/// free port on 127.0.0.1. The access token comes from configuration (<c>AccessToken</c>); <paramref name="clock"/> dates
/// resources, events and charge dates (the system clock unless a test passes its own).
/// </summary>
public static class SimulatorApp
{
    public const string DefaultAccessToken = "sandbox_simulated-access-token";

    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new Credentials(builder.Configuration["AccessToken"] ?? DefaultAccessToken));
        builder.Services.AddSingleton(new SimClock(clock ?? TimeProvider.System));
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.AddSingleton<SimStore>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        // The /_sim controls read and write snake_case like the API.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();
        app.UseMiddleware<GatewayMiddleware>();
        app.MapBillingRequestEndpoints();
        app.MapCustomerEndpoints();
        app.MapMandateEndpoints();
        app.MapPaymentEndpoints();
        app.MapEventEndpoints();
        app.MapHostedFlowPage();
        app.MapAdminEndpoints();
        return app;
    }

    /// <summary>Starts on a free port of 127.0.0.1 and returns the base address.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartOnLoopbackAsync(
        string[] args, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        var app = Build([.. args, "--urls", "http://127.0.0.1:0"], clock);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}
