using System.Globalization;
using System.Text;
using AvalaraSimulator.State;

namespace AvalaraSimulator.Api;

/// <summary>
/// What stands in front of AvaTax's API: the injected faults (a 503 or 429 from the gateway, in plain text as a gateway
/// answers; a slow answer) and Basic authentication against the configured account id and license key (401 in AvaTax's
/// error model, AuthenticationException).
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, Faults faults, Credentials credentials, RequestLog log)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        log.Add(new LoggedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers["X-Avalara-Client"].FirstOrDefault()));
        if (faults.TakeUnavailable())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Service Unavailable", context.RequestAborted);
            return;
        }
        if (faults.TakeThrottle())
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("Rate limiting has been exceeded. Try again later.", context.RequestAborted);
            return;
        }
        if (faults.TakeDelay())
        {
            // Waits before anything is recorded; a client that gives up first aborts the request and nothing happens.
            try
            {
                await Task.Delay(faults.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (!Authenticated(context.Request.Headers.Authorization.ToString(), credentials))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"AvaTax\"";
            await AvaTaxError.Authentication().ToResult().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool Authenticated(string header, Credentials credentials)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return pair == $"{credentials.AccountId}:{credentials.LicenseKey}";
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
