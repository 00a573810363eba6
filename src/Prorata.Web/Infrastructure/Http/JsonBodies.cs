using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Prorata.Web.Infrastructure.Http;

/// <summary>
/// Caps a JSON request body (<see cref="RequestLimits.JsonBodyBytes"/>: 413 naming the limit) and keeps it readable
/// again, so that a binding error can quote the value the caller sent (<see cref="Problems.JsonBindingProblem"/>).
/// </summary>
public sealed class JsonBodies(RequestDelegate next, IOptions<RequestLimits> limits, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsJson(context.Request.ContentType))
        {
            await next(context);
            return;
        }
        var limit = limits.Value.JsonBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"A JSON body may have at most {limit:N0} bytes ({RequestLimits.Section}:JsonBodyBytes); got {context.Request.ContentLength:N0}.",
                },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size && (size.MaxRequestBodySize is null || size.MaxRequestBodySize > limit))
        {
            size.MaxRequestBodySize = limit;
        }
        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        await next(context);
    }

    public static bool IsJson(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim();
        return type is not null && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
