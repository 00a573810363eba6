using System.Reflection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prorata.Application.Telemetry;

namespace Prorata.Web.Infrastructure.Telemetry;

/// <summary>
/// Traces, metrics and logs over OTLP, from ASP.NET Core, HttpClient, Npgsql and Prorata's own source and meter — on only
/// when an endpoint is configured: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with the other <c>OTEL_*</c>
/// variables the exporter reads itself), or <c>Prorata:Telemetry:OtlpEndpoint</c> and <c>OtlpProtocol</c>. Without one
/// nothing of OpenTelemetry is registered: no exporter, no listener, no cost.
/// </summary>
public static class ProrataTelemetry
{
    public const string Section = "Prorata:Telemetry";
    public const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProrataMetrics>();
        var configuration = builder.Configuration;
        var ownEndpoint = configuration[$"{Section}:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(ownEndpoint) && string.IsNullOrWhiteSpace(configuration[StandardEndpoint]))
        {
            return;
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                // OTEL_SERVICE_NAME, when set, names the service; several workers tell themselves apart by instance id.
                serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "prorata",
                serviceVersion: typeof(ProrataTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(ProrataActivities.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(ProrataMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter("System.Runtime"));
        if (string.IsNullOrWhiteSpace(ownEndpoint))
        {
            telemetry.UseOtlpExporter();
        }
        else
        {
            var protocol = configuration[$"{Section}:OtlpProtocol"] switch
            {
                null or "" or "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                var other => throw new InvalidOperationException($"{Section}:OtlpProtocol must be grpc or http/protobuf; got '{other}'."),
            };
            telemetry.UseOtlpExporter(protocol, new Uri(ownEndpoint));
        }
    }
}
