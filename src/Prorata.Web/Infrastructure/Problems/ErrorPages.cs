using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Web.Features.Shell;

namespace Prorata.Web.Infrastructure.Problems;

/// <summary>
/// Errors a person meets in the browser are pages inside the shell: a request that is not the API's, not a machine's
/// (OpenAPI, health) and that accepts HTML gets <see cref="ErrorDocument"/> with the status code; everyone else keeps
/// ProblemDetails, which programs act on.
/// </summary>
public static class ErrorPages
{
    public static bool ForPerson(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")) return false;
        return context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Writes the page; <paramref name="detail"/> says what was wrong with the request when it is the person's to fix.</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        var traceId = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        var page = new RazorComponentResult<ErrorDocument>(new Dictionary<string, object?>
        {
            [nameof(ErrorDocument.Status)] = status,
            [nameof(ErrorDocument.Detail)] = detail,
            [nameof(ErrorDocument.TraceId)] = status >= 500 ? traceId : null,
        })
        {
            StatusCode = status,
        };
        return page.ExecuteAsync(context);
    }
}
