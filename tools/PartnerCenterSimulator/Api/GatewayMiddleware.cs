using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// What stands in front of Partner Center's API: bearer authentication (401 when missing or expired) and throttling
/// (429 with Retry-After; here only when a storm has been injected).
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TokenIssuer issuer, Faults faults)
    {
        if (!context.Request.Path.StartsWithSegments("/v1") && !context.Request.Path.StartsWithSegments("/v1.0"))
        {
            await next(context);
            return;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        var applicationId = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? issuer.Authenticate(authorization["Bearer ".Length..].Trim())
            : null;
        if (applicationId is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await PartnerEndpoints.Error(new Rules.SimError(401, 401, "The access token is missing or expired.")).ExecuteAsync(context);
            return;
        }
        if (faults.TakeThrottle())
        {
            context.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await PartnerEndpoints.Error(new Rules.SimError(429, 429, "Too many requests. Retry after the interval in the Retry-After header.")).ExecuteAsync(context);
            return;
        }
        context.Items[PartnerEndpoints.ActorItem] = new SimActor(TokenIssuer.ConsentingUser, applicationId);
        await next(context);
    }
}
