using System.Globalization;
using PartnerCenterSimulator.Api;
using PartnerCenterSimulator.Background;
using PartnerCenterSimulator.Catalog;
using PartnerCenterSimulator.Clock;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator;

/// <summary>
/// Builds the simulator host. Used by Program (<c>--urls http://127.0.0.1:PORT</c>) and in-process by tests and the
/// benchmark, which pass their own clock and bind to a free port on 127.0.0.1.
/// </summary>
public static class SimulatorApp
{
    public static WebApplication Build(string[] args, SimulatedClock? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("PartnerCenterSimulator", LogLevel.Information);
        clock ??= ClockFrom(builder.Configuration);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new OfferCatalog(clock.GetUtcNow().AddYears(-3)));
        builder.Services.AddSingleton<SimulatorSettings>();
        builder.Services.AddSingleton<SimulatorState>();
        builder.Services.AddSingleton<Faults>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<PartnerRateLimit>();
        builder.Services.AddSingleton<OutOfBandActor>();
        builder.Services.AddSingleton<OutOfBandTimer>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.WriteIndented = false);

        var app = builder.Build();
        app.UseMiddleware<GatewayMiddleware>();
        app.MapTokenEndpoints();
        app.MapPartnerEndpoints();
        app.MapAdminEndpoints();
        if (builder.Configuration.GetValue<int>("seed:customers") is var customers and > 0)
        {
            app.Services.GetRequiredService<SimulatorState>().Seed(customers, builder.Configuration.GetValue<int>("seed:subscriptions"), 1);
        }
        return app;
    }

    /// <summary>Starts on a free port of 127.0.0.1 and returns the base address.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartOnLoopbackAsync(SimulatedClock clock, CancellationToken cancellationToken)
    {
        var app = Build(["--urls", "http://127.0.0.1:0"], clock);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    // --start 2026-01-15T09:00:00Z freezes the clock there; --running true lets it follow the host's clock.
    private static SimulatedClock ClockFrom(IConfiguration configuration)
    {
        var start = configuration["start"] is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : TimeProvider.System.GetUtcNow();
        return new SimulatedClock(start, configuration.GetValue("running", configuration["start"] is null));
    }
}
