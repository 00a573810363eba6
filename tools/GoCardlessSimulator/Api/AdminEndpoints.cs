using GoCardlessSimulator.State;
using GoCardlessSimulator.Webhooks;

namespace GoCardlessSimulator.Api;

/// <summary>
/// The simulator's own controls under <c>/_sim</c> (no authentication): the webhook endpoint, faults, moving payments and
/// mandates along, and what was recorded. A refused change answers in GoCardless's error shape.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (ApiRefusal refusal)
            {
                return refusal.ToResult("SIM");
            }
        });

        sim.MapPut("/webhooks", (WebhookEndpointRequest body, WebhookDispatcher webhooks) =>
        {
            webhooks.Endpoint = new WebhookEndpoint(body.Url, body.Secret, body.MaxAttempts ?? 5, TimeSpan.FromMilliseconds(body.RetryDelayMilliseconds ?? 200));
            return Results.NoContent();
        });
        sim.MapGet("/webhooks/deliveries", (WebhookDispatcher webhooks) => Results.Json(webhooks.Deliveries, SimJson.Options));

        sim.MapPost("/advance", (AdvanceRequest? body, SimStore store) =>
        {
            var ids = body?.PaymentId is { } id
                ? [id]
                : store.Read(s => s.AllPayments.Select(p => p.Id).ToList());
            return Results.Json(ids.Select(i => Shapes.Payment(store.Advance(i))).ToList(), SimJson.Options);
        });

        sim.MapPost("/faults/server-error", (FaultRequest body, Faults faults) =>
        {
            faults.ServerErrors(body.Requests);
            return Results.NoContent();
        });
        sim.MapPost("/faults/throttle", (FaultRequest body, Faults faults) =>
        {
            faults.Throttle(body.Requests, body.ResetAfterSeconds ?? 1);
            return Results.NoContent();
        });
        sim.MapPost("/faults/slow", (FaultRequest body, Faults faults) =>
        {
            faults.Slow(body.Requests, TimeSpan.FromMilliseconds(body.Milliseconds ?? 5000));
            return Results.NoContent();
        });
        sim.MapPost("/faults/lose-payment-answers", (FaultRequest body, Faults faults) =>
        {
            faults.LosePaymentAnswers(body.Requests, TimeSpan.FromMilliseconds(body.Milliseconds ?? 5000));
            return Results.NoContent();
        });
        sim.MapPost("/faults/duplicate-webhooks", (FaultRequest body, WebhookDispatcher webhooks) =>
        {
            webhooks.DuplicateNext(body.Requests);
            return Results.NoContent();
        });
        sim.MapPost("/faults/reorder-events", (FaultRequest body, WebhookDispatcher webhooks) =>
        {
            webhooks.ReorderNext(body.Requests);
            return Results.NoContent();
        });
        sim.MapPost("/faults/fail-payment", (PaymentFaultRequest body, SimStore store) =>
            Results.Json(Shapes.Payment(store.Fail(body.PaymentId, body.Cause, body.Description, body.ReasonCode)), SimJson.Options));
        sim.MapPost("/faults/charge-back", (PaymentFaultRequest body, SimStore store) =>
            Results.Json(Shapes.Payment(store.ChargeBack(body.PaymentId)), SimJson.Options));
        sim.MapPost("/faults/expire-mandate", (MandateFaultRequest body, SimStore store) =>
            Results.Json(Shapes.Mandate(store.EndMandate(body.MandateId, "expired",
                new EventDetails("gocardless", "mandate_expired", "The mandate expired because no payments were collected against it for a dormancy period.")),
                store.Clock.EarliestChargeDate()), SimJson.Options));
        sim.MapPost("/faults/reset", (Faults faults) =>
        {
            faults.Reset();
            return Results.NoContent();
        });

        sim.MapGet("/payments", (SimStore store) => Results.Json(store.Payments.Select(p => new
        {
            id = p.Id,
            mandate = p.MandateId,
            amount = p.Amount,
            currency = p.Currency,
            status = p.Status,
            charge_date = Shapes.Date(p.ChargeDate),
            idempotency_key = p.IdempotencyKey,
            metadata = p.Metadata,
        }), SimJson.Options));
        sim.MapGet("/events", (SimStore store) => Results.Json(store.Events.Select(Shapes.Event), SimJson.Options));
        sim.MapGet("/requests", (RequestLog log) => Results.Json(log.All, SimJson.Options));
        sim.MapPost("/reset", (SimStore store, RequestLog log, Faults faults, WebhookDispatcher webhooks) =>
        {
            store.Clear();
            log.Clear();
            faults.Reset();
            webhooks.Reset();
            return Results.NoContent();
        });
    }

    public sealed record WebhookEndpointRequest(Uri Url, string Secret, int? MaxAttempts, int? RetryDelayMilliseconds);

    public sealed record AdvanceRequest(string? PaymentId);

    public sealed record FaultRequest(int Requests, int? ResetAfterSeconds, int? Milliseconds);

    public sealed record PaymentFaultRequest(string PaymentId, string? Cause, string? Description, string? ReasonCode);

    public sealed record MandateFaultRequest(string MandateId);
}
