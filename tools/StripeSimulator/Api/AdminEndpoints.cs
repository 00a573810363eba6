using System.Text.Json.Nodes;
using StripeSimulator.State;
using StripeSimulator.Webhooks;

namespace StripeSimulator.Api;

/// <summary>The simulator's own controls under <c>/_sim</c> (no authentication): the webhook endpoint, faults, SEPA settlement, what was recorded.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");

        sim.MapPost("/webhook-endpoint", (WebhookEndpointRequest body, WebhookDispatcher webhooks) =>
        {
            var secret = string.IsNullOrEmpty(body.Secret) ? Ids.New("whsec") : body.Secret;
            webhooks.Register(new WebhookEndpoint(body.Url, secret));
            return Results.Json(new { url = body.Url, secret });
        });
        sim.MapGet("/webhook-deliveries", (WebhookDispatcher webhooks) => Results.Json(webhooks.Deliveries));
        sim.MapPost("/webhooks/flush", (WebhookDispatcher webhooks) => Results.Json(new { delivered = webhooks.Flush() }));

        sim.MapPost("/faults/fail", (FaultRequest body, Faults faults) =>
        {
            if (body.Status is not (500 or 429 or 502 or 503)) return Results.BadRequest("status must be 500, 502, 503 or 429");
            faults.Fail(body.Requests, body.Status ?? 500);
            return Results.NoContent();
        });
        sim.MapPost("/faults/delay", (FaultRequest body, Faults faults) =>
        {
            faults.Slow(body.Requests, TimeSpan.FromMilliseconds(body.Milliseconds ?? 5000));
            return Results.NoContent();
        });
        sim.MapPost("/faults/lose-answers", (FaultRequest body, Faults faults) =>
        {
            faults.LoseAnswers(body.Requests, body.Mode != "504");
            return Results.NoContent();
        });
        sim.MapPost("/faults/decline", (FaultRequest body, Faults faults) =>
        {
            faults.Decline(body.Requests, body.DeclineCode ?? "generic_decline");
            return Results.NoContent();
        });
        sim.MapPost("/faults/duplicate-webhooks", (FaultRequest body, Faults faults) =>
        {
            faults.DuplicateWebhooks(body.Events ?? body.Requests);
            return Results.NoContent();
        });
        sim.MapPost("/faults/webhooks-out-of-order", (FaultRequest body, Faults faults) =>
        {
            faults.WebhooksOutOfOrder(body.Events ?? body.Requests);
            return Results.NoContent();
        });
        sim.MapPost("/faults/hold-sepa", (FaultRequest body, Faults faults) =>
        {
            faults.HoldSepa(body.Hold ?? true);
            return Results.NoContent();
        });
        sim.MapPost("/faults/reset", (Faults faults) =>
        {
            faults.Reset();
            return Results.NoContent();
        });

        sim.MapPost("/sepa/settle", (Payments payments, Faults faults) =>
            faults.SepaHeld
                ? Results.Conflict(new { error = "SEPA settlement is held; release it with POST /_sim/faults/hold-sepa {\"hold\": false}." })
                : Results.Json(new { settled = payments.SettleSepa(onlyDue: false) }));

        sim.MapGet("/payment_intents", (StripeStore store) =>
            Results.Content(new JsonArray([.. store.PaymentIntents.Values.OrderBy(i => i.Sequence).Select(i =>
            {
                var json = Shapes.PaymentIntent(i);
                json["idempotency_key"] = i.IdempotencyKey;
                return (JsonNode)json;
            })]).ToJsonString(), "application/json"));
        sim.MapGet("/events", (StripeStore store) =>
            Results.Content(new JsonArray([.. store.Events.Select(e => e.DeepClone())]).ToJsonString(), "application/json"));
        sim.MapGet("/requests", (RequestLog log) => Results.Json(log.All));

        sim.MapPost("/reset", (StripeStore store, RequestLog log, Faults faults, IdempotencyStore keys, WebhookDispatcher webhooks) =>
        {
            store.Clear();
            log.Clear();
            faults.Reset();
            keys.Clear();
            webhooks.Reset();
            return Results.NoContent();
        });
    }

    public sealed record FaultRequest(int Requests, int? Status, int? Milliseconds, string? Mode, string? DeclineCode, int? Events, bool? Hold);

    public sealed record WebhookEndpointRequest(Uri Url, string? Secret);
}
