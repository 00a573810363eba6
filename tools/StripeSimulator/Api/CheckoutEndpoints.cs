using System.Text.Json.Nodes;
using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>
/// <c>POST /v1/checkout/sessions</c> in setup mode (customer, success_url, cancel_url, currency, allowed_payment_method_types
/// or payment_method_types) and <c>GET /v1/checkout/sessions/{id}</c> with <c>expand[]=setup_intent</c> or
/// <c>setup_intent.payment_method</c>. The session's url is the simulator's own hosted page.
/// </summary>
public static class CheckoutEndpoints
{
    private static readonly string[] Supported = ["card", "sepa_debit"];

    public static void MapCheckoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/checkout/sessions", async (HttpRequest request, StripeStore store, TimeProvider clock) =>
        {
            var form = await RequestForm.ReadAsync(request);
            if (Payments.Text(form, "mode") is not { } mode) return StripeError.ParameterMissing("mode").ToResult();
            if (mode != "setup") return StripeError.Invalid("mode", $"The simulator plays only mode=setup, not mode={mode}.").ToResult();
            if (Payments.Text(form, "customer") is not { } customer) return StripeError.ParameterMissing("customer").ToResult();
            if (!store.Customers.ContainsKey(customer))
                return new StripeError(400, "invalid_request_error", $"No such customer: '{customer}'", "resource_missing", "customer").ToResult();
            if (Payments.Text(form, "success_url") is not { } successUrl) return StripeError.ParameterMissing("success_url").ToResult();
            var currency = Payments.Text(form, "currency")?.ToLowerInvariant();
            List<string> types;
            if (form["payment_method_types"] is JsonArray fixedTypes)
            {
                // A fixed list: every type must be possible, SEPA only in euros.
                types = [.. fixedTypes.OfType<JsonValue>().Select(v => (string)v!)];
                if (types.FirstOrDefault(t => !Supported.Contains(t)) is { } unknown)
                    return StripeError.Invalid("payment_method_types", $"The simulator does not play payment method type {unknown}.").ToResult();
                if (types.Contains("sepa_debit") && currency is not null && currency != "eur")
                    return StripeError.Invalid("payment_method_types", $"The payment method type sepa_debit is invalid for currency {currency}; it supports eur.").ToResult();
            }
            else
            {
                // Dynamic payment methods: the currency decides what is eligible, allowed_payment_method_types filters it.
                if (currency is null)
                    return new StripeError(400, "invalid_request_error", "Missing required param: currency. It is required in setup mode when payment_method_types is not set.",
                        "parameter_missing", "currency").ToResult();
                var eligible = currency == "eur" ? Supported : ["card"];
                var allowed = form["allowed_payment_method_types"] is JsonArray list ? list.OfType<JsonValue>().Select(v => (string)v!).ToList() : [.. Supported];
                types = [.. eligible.Where(allowed.Contains)];
                if (types.Count == 0)
                    return StripeError.Invalid("allowed_payment_method_types", $"None of the allowed payment method types can be used with currency {currency}.").ToResult();
            }
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var setupIntent = new SimSetupIntent { Id = Ids.New("seti"), Customer = customer, PaymentMethodTypes = types, Created = now };
            var id = Ids.New("cs_test");
            var session = new SimCheckoutSession
            {
                Id = id, Customer = customer, SuccessUrl = successUrl, CancelUrl = Payments.Text(form, "cancel_url"), Currency = currency,
                PaymentMethodTypes = types, SetupIntent = setupIntent.Id, Created = now, ExpiresAt = now + 24 * 3600,
                Url = $"{request.Scheme}://{request.Host}/checkout/{id}",
            };
            store.SetupIntents[setupIntent.Id] = setupIntent;
            store.Sessions[id] = session;
            return Shapes.Ok(Shapes.Session(session, null));
        });

        app.MapGet("/v1/checkout/sessions/{id}", async (string id, HttpRequest request, StripeStore store) =>
        {
            if (!store.Sessions.TryGetValue(id, out var session)) return StripeError.Missing("checkout.session", id, "session").ToResult();
            var expand = RequestForm.Expand(await RequestForm.ReadAsync(request));
            JsonObject? setupIntent = null;
            if (expand.Contains("setup_intent") || expand.Contains("setup_intent.payment_method"))
            {
                var intent = store.SetupIntents[session.SetupIntent];
                var method = expand.Contains("setup_intent.payment_method") && intent.PaymentMethod is { } methodId
                    ? Shapes.PaymentMethod(store.PaymentMethods[methodId])
                    : null;
                setupIntent = Shapes.SetupIntent(intent, method);
            }
            return Shapes.Ok(Shapes.Session(session, setupIntent));
        });
    }
}
