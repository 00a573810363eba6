using StripeSimulator.Api;
using StripeSimulator.Hosted;
using StripeSimulator.State;
using StripeSimulator.Webhooks;

namespace StripeSimulator;

/// <summary>
/// Builds the simulator host. Used by Program (<c>--urls http://127.0.0.1:PORT</c>) and in-process by tests, which bind to
/// a free port on 127.0.0.1. Configuration: <c>SecretKey</c>, <c>ApiVersion</c> (written on events),
/// <c>SepaSettlementMilliseconds</c> (how long a SEPA debit stays processing; 0 settles only when asked),
/// <c>WebhookMaxAttempts</c> and <c>WebhookRetryMilliseconds</c>.
/// </summary>
public static class SimulatorApp
{
    public const string DefaultSecretKey = "sk_test_simulator";
    public const string DefaultApiVersion = "2026-10-28.endive";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(new SimulatorSettings(
            configuration["SecretKey"] ?? DefaultSecretKey,
            configuration["ApiVersion"] ?? DefaultApiVersion,
            TimeSpan.FromMilliseconds(configuration.GetValue("SepaSettlementMilliseconds", 5000)),
            configuration.GetValue("WebhookMaxAttempts", 5),
            TimeSpan.FromMilliseconds(configuration.GetValue("WebhookRetryMilliseconds", 200))));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StripeStore>();
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddSingleton<Payments>();
        builder.Services.AddHostedService<SepaSettlementService>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName);

        var app = builder.Build();
        app.UseMiddleware<GatewayMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapCustomerEndpoints();
        app.MapCheckoutEndpoints();
        app.MapPaymentIntentEndpoints();
        app.MapObjectEndpoints();
        app.MapHostedCheckout();
        app.MapAdminEndpoints();
        return app;
    }

    /// <summary>Starts on a free port of 127.0.0.1 and returns the base address.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartOnLoopbackAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build([.. args, "--urls", "http://127.0.0.1:0"]);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}
