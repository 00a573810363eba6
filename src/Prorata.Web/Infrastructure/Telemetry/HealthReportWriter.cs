using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Prorata.Web.Infrastructure.Telemetry;

/// <summary>Writes /health as JSON: the overall status and one entry per check, for load balancers and people alike.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message }),
        }, context.RequestAborted);
}
