using Microsoft.Extensions.Logging.Console;

namespace Prorata.Web.Infrastructure.Telemetry;

/// <summary>
/// Console logs for whoever reads them: one plain line per event for a person at a terminal, JSON (with scopes and UTC
/// timestamps) when the output goes to a file, a container's log or a shipper. Logging:Console:FormatterName
/// (simple | json) decides instead when it is set. A line written inside a span (a request, a billing run, an outbox
/// delivery) carries its TraceId and SpanId in its scope, so it leads to its trace and the trace back to it.
/// </summary>
public static class ConsoleLogs
{
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.UseUtcTimestamp = true;
        });
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        var chosen = builder.Configuration["Logging:Console:FormatterName"];
        builder.Logging.AddConsole(options =>
            options.FormatterName = chosen ?? (Console.IsOutputRedirected ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple));
    }
}
