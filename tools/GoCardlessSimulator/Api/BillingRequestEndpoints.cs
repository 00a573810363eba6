using GoCardlessSimulator.Api.Requests;
using GoCardlessSimulator.State;

namespace GoCardlessSimulator.Api;

/// <summary>Billing requests with a mandate_request, and billing request flows whose authorisation_url is this simulator's hosted page.</summary>
public static class BillingRequestEndpoints
{
    public static void MapBillingRequestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/billing_requests", async (HttpRequest http, SimStore store) =>
        {
            var body = await Envelope.ReadAsync<BillingRequestBody>(http, "billing_requests");
            if (body.PaymentRequest is { ValueKind: not System.Text.Json.JsonValueKind.Null })
            {
                throw ApiRefusal.Invalid("payment_request", "is not simulated: only mandate requests are");
            }
            if (body.MandateRequest is not { } mandate)
            {
                throw ApiRefusal.Invalid("mandate_request", "is required");
            }
            var currency = mandate.Currency?.ToUpperInvariant()
                           ?? SimStore.SchemeByCurrency.FirstOrDefault(p => p.Value == mandate.Scheme).Key
                           ?? throw ApiRefusal.Invalid("mandate_request.currency", "is required");
            if (!SimStore.SchemeByCurrency.TryGetValue(currency, out var defaultScheme))
            {
                throw ApiRefusal.Invalid("mandate_request.currency", $"{currency} is not supported");
            }
            if (mandate.Scheme is { } scheme && scheme != defaultScheme)
            {
                throw ApiRefusal.Invalid("mandate_request.scheme", $"{scheme} does not collect {currency}");
            }
            var metadata = body.Metadata ?? [];
            if (metadata.Count > 3) throw ApiRefusal.Invalid("metadata", "may have at most 3 keys");
            var created = store.CreateBillingRequest(IdempotencyKey(http), currency, defaultScheme, metadata);
            return Envelope.One("billing_requests", Shapes.BillingRequest(created), StatusCodes.Status201Created);
        });

        app.MapGet("/billing_requests/{id}", (string id, SimStore store) =>
            Envelope.One("billing_requests", store.Read(s => Shapes.BillingRequest(s.BillingRequest(id)))));

        app.MapPost("/billing_request_flows", async (HttpRequest http, SimStore store) =>
        {
            var body = await Envelope.ReadAsync<FlowBody>(http, "billing_request_flows");
            var billingRequestId = body.Links?.GetValueOrDefault("billing_request")
                                   ?? throw ApiRefusal.Invalid("links.billing_request", "is required");
            var pageBase = new Uri($"{http.Scheme}://{http.Host}/");
            var flow = store.CreateFlow(IdempotencyKey(http), billingRequestId, body.RedirectUri, body.ExitUri,
                body.PrefilledCustomer?.CompanyName, body.PrefilledCustomer?.Email, pageBase);
            return Envelope.One("billing_request_flows", Shapes.Flow(flow), StatusCodes.Status201Created);
        });
    }

    public static string? IdempotencyKey(HttpRequest http) => http.Headers["Idempotency-Key"].FirstOrDefault();
}
