using System.Text;
using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>
/// What stands in front of Stripe's API: every <c>/v1</c> request is logged, then the injected faults (a 500 or 429
/// before anything is done, a slow answer), then the key: <c>Authorization: Bearer sk_…</c> (or Basic with the key as
/// user name, as curl -u sends it) matching the configured secret key, otherwise 401 in Stripe's error shape.
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, Faults faults, SimulatorSettings settings, RequestLog log)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }
        var headers = context.Request.Headers;
        log.Add(new LoggedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
            headers["Idempotency-Key"].FirstOrDefault(), headers["Stripe-Version"].FirstOrDefault()));
        context.Response.Headers["Request-Id"] = Ids.New("req");
        if (faults.TakeFailure())
        {
            var error = faults.FailureStatus == StatusCodes.Status429TooManyRequests
                ? new StripeError(429, "invalid_request_error", "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.", "rate_limit")
                : new StripeError(faults.FailureStatus, "api_error", "An unknown error occurred on Stripe's side; the request was not processed.");
            await error.ToResult().ExecuteAsync(context);
            return;
        }
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
        var key = Key(headers.Authorization.ToString());
        if (key != settings.SecretKey)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Stripe\"";
            var message = string.IsNullOrEmpty(key)
                ? "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
                : $"Invalid API Key provided: {Mask(key)}";
            await new StripeError(401, "invalid_request_error", message).ToResult().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static string? Key(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':')[0];
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }

    // Stripe shows the key's prefix and last four characters only.
    private static string Mask(string key)
    {
        var prefix = key.StartsWith("sk_test_", StringComparison.Ordinal) ? "sk_test_" : key.StartsWith("sk_live_", StringComparison.Ordinal) ? "sk_live_" : "";
        return key.Length <= prefix.Length + 4 ? new string('*', key.Length) : prefix + new string('*', key.Length - prefix.Length - 4) + key[^4..];
    }
}
