using System.Globalization;
using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>
/// <c>POST /v1/payment_intents</c>, <c>GET /v1/payment_intents/{id}</c>, <c>GET /v1/payment_intents</c> (customer, limit,
/// starting_after; newest first) and <c>GET /v1/payment_intents/search</c> (query, limit).
/// </summary>
public static class PaymentIntentEndpoints
{
    public static void MapPaymentIntentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/payment_intents", async (HttpRequest request, Payments payments) =>
        {
            var form = await RequestForm.ReadAsync(request);
            var (intent, error) = payments.CreatePaymentIntent(form, request.Headers["Idempotency-Key"].FirstOrDefault());
            return error is not null ? error.ToResult() : Shapes.Ok(Shapes.PaymentIntent(intent!));
        });

        app.MapGet("/v1/payment_intents/search", (HttpRequest request, StripeStore store) =>
        {
            var form = FormReader.Parse(request.QueryString.Value ?? "");
            if (Payments.Text(form, "query") is not { } text) return StripeError.ParameterMissing("query").ToResult();
            if (SearchQuery.Parse(text, out var problem) is not { } query) return StripeError.Invalid("query", problem!).ToResult();
            var limit = Limit(form);
            var found = Newest(store).Where(query.Matches).ToList();
            var json = Shapes.List("/v1/payment_intents/search", found.Take(limit).Select(Shapes.PaymentIntent), found.Count > limit);
            json["object"] = "search_result";
            json["next_page"] = null;
            return Shapes.Ok(json);
        });

        app.MapGet("/v1/payment_intents/{id}", (string id, StripeStore store) =>
            store.PaymentIntents.TryGetValue(id, out var intent)
                ? Shapes.Ok(Shapes.PaymentIntent(intent))
                : StripeError.Missing("payment_intent", id, "intent").ToResult());

        app.MapGet("/v1/payment_intents", (HttpRequest request, StripeStore store) =>
        {
            var form = FormReader.Parse(request.QueryString.Value ?? "");
            var customer = Payments.Text(form, "customer");
            IEnumerable<SimPaymentIntent> page = Newest(store).Where(i => customer is null || i.Customer == customer);
            if (Payments.Text(form, "starting_after") is { } after)
            {
                page = page.SkipWhile(i => i.Id != after).Skip(1);
            }
            var rest = page.ToList();
            var limit = Limit(form);
            return Shapes.Ok(Shapes.List("/v1/payment_intents", rest.Take(limit).Select(Shapes.PaymentIntent), rest.Count > limit));
        });
    }

    private static IEnumerable<SimPaymentIntent> Newest(StripeStore store) =>
        store.PaymentIntents.Values.OrderByDescending(i => i.Sequence);

    // Stripe's default page is 10, its largest 100.
    private static int Limit(System.Text.Json.Nodes.JsonObject form) =>
        int.TryParse(Payments.Text(form, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? Math.Clamp(limit, 1, 100) : 10;
}
