using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>
/// Stripe's idempotent requests for POSTs under <c>/v1</c> that carry an <c>Idempotency-Key</c>: the first answer of a
/// request that started executing (any status below 500, declines and validation errors included) is kept; the same key
/// with the same parameters gets that answer again with <c>Idempotent-Replayed: true</c> and nothing is done twice; the
/// same key with other parameters is 400 idempotency_error; a key whose first request is still running is 409
/// idempotency_key_in_use. The "lose the answer" fault acts here, after the answer was kept: the charge stands, the
/// client never hears of it.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IdempotencyStore store, Faults faults)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/v1") || !HttpMethods.IsPost(request.Method))
        {
            await next(context);
            return;
        }
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        request.Body.Position = 0;
        var fingerprint = FormReader.Fingerprint(request.Path, body);
        var losesAnswer = request.Path == "/v1/payment_intents";

        if (string.IsNullOrEmpty(key))
        {
            await next(context);
            return;
        }
        context.Response.Headers["Idempotency-Key"] = key;
        if (store.Find(key) is { } stored)
        {
            if (stored.Fingerprint != fingerprint)
            {
                await new StripeError(400, "idempotency_error",
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.")
                    .ToResult().ExecuteAsync(context);
                return;
            }
            context.Response.Headers["Idempotent-Replayed"] = "true";
            context.Response.Headers["Original-Request"] = stored.RequestId;
            await DeliverAsync(context, stored.Status, stored.Body, losesAnswer && faults.TakeLostAnswer(), faults.LoseByAbort);
            return;
        }
        if (!store.TryStart(key))
        {
            await new StripeError(409, "idempotency_error",
                $"There is currently another in-progress request using this Stripe-Idempotency-Key (that is, another request with the same key '{key}' was made and has not yet completed). Try again later.",
                "idempotency_key_in_use").ToResult().ExecuteAsync(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        StoredAnswer? answer = null;
        try
        {
            await next(context);
            var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            if (context.Response.StatusCode < 500)
            {
                answer = new StoredAnswer(fingerprint, context.Response.StatusCode, text, context.Response.Headers["Request-Id"].ToString());
            }
            context.Response.Body = original;
            await DeliverAsync(context, context.Response.StatusCode, text, losesAnswer && faults.TakeLostAnswer(), faults.LoseByAbort);
        }
        finally
        {
            context.Response.Body = original;
            store.Finish(key, answer);
        }
    }

    private static async Task DeliverAsync(HttpContext context, int status, string body, bool lose, bool byAbort)
    {
        if (lose && byAbort)
        {
            context.Abort();
            return;
        }
        if (lose)
        {
            context.Response.Headers.Remove("Idempotent-Replayed");
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>504 Gateway Time-out</h1></body></html>");
            return;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
