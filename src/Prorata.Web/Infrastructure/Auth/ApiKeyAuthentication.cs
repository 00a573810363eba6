using Microsoft.AspNetCore.Identity;

namespace Prorata.Web.Infrastructure.Auth;

/// <summary>
/// Which credential a request is judged by. An API request (/api/…) that carries a key — <c>Authorization: Bearer prk_…</c>
/// or <c>X-Api-Key: prk_…</c> — is judged by the key alone, whatever cookie comes with it; everything else by the staff
/// cookie; everything under /portal by the customer portal's own cookie (<see cref="PortalCookie"/>). Pages and their form
/// posts are never under /api, so a key cannot open a page.
/// </summary>
public static class ApiKeyAuthentication
{
    /// <summary>The scheme every request is authenticated with: it forwards to the key or the cookie.</summary>
    public const string StaffOrKeyScheme = "StaffOrApiKey";

    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static bool IsKeyRequest(HttpRequest request) => IsApi(request) && (request.Headers.ContainsKey(HeaderName) || HasBearer(request));

    /// <summary>The key as presented, or null when the request carries none.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ } key, ..]) return key.Trim();
        return HasBearer(request) ? request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim() : null;
    }

    public static string SelectScheme(HttpContext context) =>
        IsKeyRequest(context.Request) ? Scheme : PortalCookie.IsPortal(context.Request) ? PortalCookie.Scheme : IdentityConstants.ApplicationScheme;

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization is [{ } value] && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);
}
