using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>
/// The other objects: <c>GET /v1/setup_intents/{id}</c>, <c>GET /v1/payment_methods/{id}</c>, <c>POST /v1/refunds</c>,
/// <c>GET /v1/refunds/{id}</c>, <c>GET /v1/events/{id}</c>, <c>GET /v1/events</c> (type, limit; newest first), and
/// Stripe's 404 for any other <c>/v1</c> path.
/// </summary>
public static class ObjectEndpoints
{
    public static void MapObjectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/setup_intents/{id}", (string id, StripeStore store) =>
            store.SetupIntents.TryGetValue(id, out var intent)
                ? Shapes.Ok(Shapes.SetupIntent(intent, null))
                : StripeError.Missing("setup_intent", id, "intent").ToResult());

        app.MapGet("/v1/payment_methods/{id}", (string id, StripeStore store) =>
            store.PaymentMethods.TryGetValue(id, out var method)
                ? Shapes.Ok(Shapes.PaymentMethod(method))
                : StripeError.Missing("PaymentMethod", id, "payment_method").ToResult());

        app.MapPost("/v1/refunds", async (HttpRequest request, Payments payments) =>
        {
            var (refund, error) = payments.CreateRefund(await RequestForm.ReadAsync(request));
            return error is not null ? error.ToResult() : Shapes.Ok(Shapes.Refund(refund!));
        });

        app.MapGet("/v1/refunds/{id}", (string id, StripeStore store) =>
            store.Refunds.TryGetValue(id, out var refund)
                ? Shapes.Ok(Shapes.Refund(refund))
                : StripeError.Missing("refund", id, "id").ToResult());

        app.MapGet("/v1/events/{id}", (string id, StripeStore store) =>
            store.Events.FirstOrDefault(e => (string?)e["id"] == id) is { } found
                ? Shapes.Ok(found)
                : StripeError.Missing("event", id, "id").ToResult());

        app.MapGet("/v1/events", (HttpRequest request, StripeStore store) =>
        {
            var form = FormReader.Parse(request.QueryString.Value ?? "");
            var type = Payments.Text(form, "type");
            var events = store.Events.Reverse().Where(e => type is null || (string?)e["type"] == type).ToList();
            var limit = int.TryParse(Payments.Text(form, "limit"), out var l) ? Math.Clamp(l, 1, 100) : 10;
            return Shapes.Ok(Shapes.List("/v1/events", events.Take(limit).Select(e => e.DeepClone().AsObject()), events.Count > limit));
        });

        app.Map("/v1/{**rest}", (HttpRequest request) =>
            new StripeError(404, "invalid_request_error",
                $"Unrecognized request URL ({request.Method}: {request.Path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.")
                .ToResult());
    }
}
