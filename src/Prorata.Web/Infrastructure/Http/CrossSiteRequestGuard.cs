using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Prorata.Web.Infrastructure.Auth;

namespace Prorata.Web.Infrastructure.Http;

/// <summary>
/// Refuses state-changing requests (POST, PUT, PATCH, DELETE) that another site could make with the staff cookie. A
/// request that carries cookies must (1) come from this origin or the configured public base URL, when the browser says
/// where it comes from (Origin, else Sec-Fetch-Site: a page on another port of the same host is same-site, not
/// same-origin, and is refused); and (2) either have a body no cross-site form can send without a CORS preflight,
/// which Prorata never grants (JSON, CSV, gzip: any type but the three a plain form may use), or carry a valid
/// antiforgery token (a form field, or the RequestVerificationToken header for a bodyless post). A request without
/// cookies has no ambient credential to abuse and is left to authentication; so is an API request that carries an API
/// key, which is judged by the key alone (<see cref="ApiKeyAuthentication"/>) and which no other site can make a browser send.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, PublicAddress address, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    // The content types a cross-site <form> (or a fetch without preflight) can send.
    private static readonly string[] SimpleContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || request.Headers.Cookie.Count == 0 || ApiKeyAuthentication.IsKeyRequest(request))
        {
            await next(context);
            return;
        }

        if (ForeignOrigin(request) is { } refusal)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused.", refusal);
            return;
        }
        if (!NeedsToken(request) || FormBindingChecksToken(context) || await antiforgery.IsRequestValidAsync(context))
        {
            await next(context);
            return;
        }
        await RefuseAsync(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid.",
            $"A {request.Method} with a cookie needs a JSON body (Content-Type: application/json) or the page's antiforgery token "
            + $"(form field __RequestVerificationToken or header RequestVerificationToken); got Content-Type '{request.ContentType ?? "none"}' without a valid token.");
    }

    private string? ForeignOrigin(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        if (request.Headers.Origin is [{ } origin, ..])
        {
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                || string.Equals(origin, address.ConfiguredOrigin, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"Origin '{origin}' is not this site ({address.ConfiguredOrigin ?? own}).";
        }
        if (request.Headers["Sec-Fetch-Site"] is [{ } site, ..] && site is not ("same-origin" or "none"))
        {
            return $"Sec-Fetch-Site is '{site}'; only same-origin requests may change anything.";
        }
        return null;
    }

    private static bool NeedsToken(HttpRequest request)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim();
        return string.IsNullOrEmpty(contentType) || SimpleContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase);
    }

    // Endpoints that bind a form (minimal API [FromForm], Blazor's forms) have the token checked by UseAntiforgery and
    // refused by their binding; reading the form here as well would read an upload twice.
    private static bool FormBindingChecksToken(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true };

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
