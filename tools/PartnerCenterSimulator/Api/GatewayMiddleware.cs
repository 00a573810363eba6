using System.Globalization;
using PartnerCenterSimulator.Rules;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// What stands in front of Partner Center's API: bearer authentication (401 when missing or expired), the MFA check of
/// the secure application model (403, error 900421, for an App+User token whose consent was given without MFA, §4.8),
/// and throttling (429 with Retry-After: over 500 requests a minute, or while a storm is injected).
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next)
{
    public const int MfaRequiredCode = 900421;

    public async Task InvokeAsync(HttpContext context, TokenIssuer issuer, Faults faults, PartnerRateLimit rateLimit)
    {
        if (!context.Request.Path.StartsWithSegments("/v1") && !context.Request.Path.StartsWithSegments("/v1.0"))
        {
            await next(context);
            return;
        }
        rateLimit.Count();
        var authorization = context.Request.Headers.Authorization.ToString();
        var grant = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? issuer.Authenticate(authorization["Bearer ".Length..].Trim())
            : null;
        if (grant is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await PartnerEndpoints.Error(new SimError(401, 401, "The access token is missing or expired.")).ExecuteAsync(context);
            return;
        }
        if (!grant.WithMfa)
        {
            await PartnerEndpoints.Error(new SimError(403, MfaRequiredCode,
                "MFA required: the access token has no multi-factor authentication claim. Consent again, signing in with MFA.")).ExecuteAsync(context);
            return;
        }
        var wait = faults.TakeThrottle() ? TimeSpan.FromSeconds(faults.RetryAfterSeconds) : rateLimit.Take();
        if (wait is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await PartnerEndpoints.Error(new SimError(429, 429, "Too many requests. Retry after the interval in the Retry-After header.")).ExecuteAsync(context);
            return;
        }
        context.Items[PartnerEndpoints.ActorItem] = new SimActor(TokenIssuer.ConsentingUser, grant.ClientId);
        await next(context);
    }
}
