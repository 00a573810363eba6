using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>
/// What stands in front of every API route (not /_sim, not the hosted page /flow): the injected faults, Bearer authentication
/// against the configured access token (401 authentication_failed), the required GoCardless-Version header (400
/// missing_version_header; only 2015-07-06 exists), and GoCardless's error shape for any <see cref="ApiRefusal"/>.
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next)
{
    public const string Version = "2015-07-06";

    public async Task InvokeAsync(HttpContext context, Faults faults, Credentials credentials, RequestLog log)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/_sim") || path.StartsWithSegments("/flow"))
        {
            await next(context);
            return;
        }
        try
        {
            await HandleAsync(context, faults, credentials);
        }
        finally
        {
            log.Add(new LoggedRequest(context.Request.Method, path + context.Request.QueryString,
                context.Request.Headers["Idempotency-Key"].FirstOrDefault(), context.Response.StatusCode));
        }
    }

    private async Task HandleAsync(HttpContext context, Faults faults, Credentials credentials)
    {
        var requestId = Guid.NewGuid().ToString("N").ToUpperInvariant();
        try
        {
            if (faults.TakeDelay())
            {
                // Waits before anything is done; a client that gives up first aborts the request and nothing happens.
                try
                {
                    await Task.Delay(faults.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (faults.TakeServerError())
            {
                throw ApiRefusal.Internal();
            }
            if (faults.TakeThrottle())
            {
                var reset = TimeProvider.System.GetUtcNow().AddSeconds(faults.ResetAfterSeconds);
                context.Response.Headers["RateLimit-Limit"] = "1000";
                context.Response.Headers["RateLimit-Remaining"] = "0";
                context.Response.Headers["RateLimit-Reset"] = reset.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                throw ApiRefusal.Throttled();
            }
            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization["Bearer ".Length..] != credentials.AccessToken)
            {
                throw ApiRefusal.Unauthorized();
            }
            var version = context.Request.Headers["GoCardless-Version"].FirstOrDefault();
            if (string.IsNullOrEmpty(version))
            {
                throw ApiRefusal.MissingVersion();
            }
            if (version != Version)
            {
                throw ApiRefusal.UnknownVersion(version);
            }
            await next(context);
        }
        catch (ApiRefusal refusal) when (!context.Response.HasStarted)
        {
            await refusal.ToResult(requestId).ExecuteAsync(context);
        }
    }
}
