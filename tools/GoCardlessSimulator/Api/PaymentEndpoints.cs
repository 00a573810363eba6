using System.Globalization;
using GoCardlessSimulator.Api.Requests;
using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>Payments: create (idempotent by key), get, list (filters mandate, status; cursors), cancel, retry.</summary>
public static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payments", async (HttpContext context, SimStore store, Faults faults) =>
        {
            var body = await Envelope.ReadAsync<PaymentBody>(context.Request, "payments");
            DateOnly? chargeDate = null;
            if (body.ChargeDate is { } text)
            {
                chargeDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw ApiRefusal.Invalid("charge_date", "must be a date (YYYY-MM-DD)");
            }
            var payment = store.CreatePayment(
                BillingRequestEndpoints.IdempotencyKey(context.Request),
                body.Amount ?? throw ApiRefusal.Invalid("amount", "is required"),
                body.Currency?.ToUpperInvariant() ?? throw ApiRefusal.Invalid("currency", "is required"),
                chargeDate, body.Reference, body.Description, body.Metadata ?? [],
                body.Links?.GetValueOrDefault("mandate") ?? throw ApiRefusal.Invalid("links.mandate", "is required"));
            if (faults.TakeLostPaymentAnswer())
            {
                // The payment is kept; the answer comes only after the client stopped waiting (or never, if it hangs up).
                try
                {
                    await Task.Delay(faults.LostAnswerDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }
            return Envelope.One("payments", Shapes.Payment(payment), StatusCodes.Status201Created);
        });

        app.MapGet("/payments/{id}", (string id, SimStore store) =>
            Envelope.One("payments", store.Read(s => Shapes.Payment(s.Payment(id)))));

        app.MapGet("/payments", (HttpRequest http, SimStore store) =>
        {
            var mandate = http.Query["mandate"].FirstOrDefault();
            var status = http.Query["status"].FirstOrDefault();
            var rows = store.Read(s => s.AllPayments
                .Where(p => (mandate is null || p.MandateId == mandate) && (status is null || p.Status == status))
                .OrderByDescending(p => p.Id, StringComparer.Ordinal)
                .ToList());
            return Envelope.Page("payments", rows, p => p.Id, p => store.Read(_ => Shapes.Payment(p)), http.Query);
        });

        app.MapPost("/payments/{id}/actions/cancel", (string id, SimStore store) =>
            Envelope.One("payments", Shapes.Payment(store.CancelPayment(id))));

        app.MapPost("/payments/{id}/actions/retry", (string id, SimStore store) =>
            Envelope.One("payments", Shapes.Payment(store.RetryPayment(id))));
    }
}
