using System.Text.Json.Serialization;
using AvalaraSimulator.Api;
using AvalaraSimulator.State;
using AvalaraSimulator.Tax;

namespace AvalaraSimulator;

/// <summary>
/// Builds the simulator host. Used by Program (<c>--urls http://127.0.0.1:PORT</c>) and in-process by tests, which bind to
/// a free port on 127.0.0.1. Credentials come from configuration (<c>AccountId</c>, <c>LicenseKey</c>).
/// </summary>
public static class SimulatorApp
{
    public const string DefaultAccountId = "1100000001";
    public const string DefaultLicenseKey = "simulated-license-key";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new Credentials(
            builder.Configuration["AccountId"] ?? DefaultAccountId, builder.Configuration["LicenseKey"] ?? DefaultLicenseKey));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JurisdictionTable>();
        builder.Services.AddSingleton<TransactionStore>();
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });

        var app = builder.Build();
        app.UseMiddleware<GatewayMiddleware>();
        app.MapTransactionEndpoints();
        app.MapAddressEndpoints();
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
