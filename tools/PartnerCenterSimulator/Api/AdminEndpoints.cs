using System.Globalization;
using System.Text.Json.Nodes;
using PartnerCenterSimulator.Background;
using PartnerCenterSimulator.Rules;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>The simulator's own controls under <c>/_sim</c>: the clock, seeding, out-of-band changes and injected faults.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");

        sim.MapGet("/clock", (SimulatorState state) => Results.Json(new { now = Shapes.Instant(state.Clock.GetUtcNow()) }));

        sim.MapPost("/clock/advance", async (HttpRequest request, SimulatorState state) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var by = TimeSpan.FromDays(Number(body["days"])) + TimeSpan.FromHours(Number(body["hours"]))
                + TimeSpan.FromMinutes(Number(body["minutes"])) + TimeSpan.FromSeconds(Number(body["seconds"]));
            if ((string?)body["to"] is { } to)
            {
                by = DateTimeOffset.Parse(to, CultureInfo.InvariantCulture) - state.Clock.GetUtcNow();
            }
            if (by < TimeSpan.Zero)
            {
                return PartnerEndpoints.Error(SimError.Invalid("The clock only moves forward."));
            }
            var now = state.Clock.Advance(by);
            state.CatchUp();
            return Results.Json(new { now = Shapes.Instant(now) });
        });

        sim.MapPost("/seed", async (HttpRequest request, SimulatorState state) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var customers = state.Seed((int)Number(body["customers"]), (int)Number(body["subscriptions"]), (int)Number(body["seed"]));
            return Results.Json(new { customers = customers.Count, customerIds = customers.Take(10).Select(c => c.Id) });
        });

        sim.MapPost("/customers", async (HttpRequest request, SimulatorState state) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var customer = state.AddCustomer(
                (string?)body["companyName"] ?? "Contoso Ltd", (string?)body["domain"] ?? "contoso.onmicrosoft.com", (string?)body["country"] ?? "US");
            return Results.Json(Shapes.Customer(customer), statusCode: 201);
        });

        sim.MapPost("/licenses", async (HttpRequest request, SimulatorState state) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var error = state.SetAssignedLicenses((string?)body["customerId"] ?? "", (string?)body["catalogItemId"] ?? "", (int)Number(body["consumedUnits"]));
            return error is not null ? PartnerEndpoints.Error(error) : Results.NoContent();
        });

        sim.MapPost("/out-of-band", async (HttpRequest request, OutOfBandActor actor, SimulatorState state) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var (subscription, error) = actor.Apply(
                (string?)body["customerId"] ?? "", (string?)body["subscriptionId"] ?? "", (string?)body["kind"] ?? "",
                body["quantity"] is null ? null : (int)Number(body["quantity"]),
                body["enabled"] is JsonValue enabled && enabled.TryGetValue<bool>(out var b) ? b : null,
                (string?)body["userPrincipalName"]);
            return error is not null ? PartnerEndpoints.Error(error) : Results.Json(state.Read(now => Shapes.Subscription(subscription!, now)));
        });

        sim.MapPost("/out-of-band/random", async (HttpRequest request, OutOfBandActor actor) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            if (body["seed"] is not null)
            {
                actor.Reseed((int)Number(body["seed"]));
            }
            return Results.Json(new { changes = actor.MakeRandomChanges((int)Number(body["count"])) });
        });

        sim.MapPost("/out-of-band/timer", async (HttpRequest request, OutOfBandTimer timer) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var interval = Number(body["intervalMilliseconds"]);
            if (interval <= 0)
            {
                timer.Stop();
            }
            else
            {
                timer.Start(TimeSpan.FromMilliseconds(interval));
            }
            return Results.Json(new { running = timer.IsRunning });
        });

        sim.MapPost("/faults/throttle", async (HttpRequest request, Faults faults) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            faults.Throttle((int)Number(body["requests"]), (int)Number(body["retryAfterSeconds"]));
            return Results.NoContent();
        });

        sim.MapPost("/faults/conflict", async (HttpRequest request, Faults faults) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            faults.Conflict((int)Number(body["requests"]));
            return Results.NoContent();
        });

        sim.MapPost("/faults/lose-checkout-answer", async (HttpRequest request, Faults faults) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            faults.LoseCheckoutAnswers((int)Number(body["requests"]));
            return Results.NoContent();
        });

        sim.MapPost("/tokens/expire", (TokenIssuer issuer) =>
        {
            issuer.ExpireAllAccessTokens();
            return Results.NoContent();
        });

        sim.MapPost("/prices", async (HttpRequest request, SimulatorState state) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var offer = state.Catalog.FindByCatalogItemId((string?)body["catalogItemId"] ?? "");
            if (offer is null)
            {
                return PartnerEndpoints.Error(SimError.NotFound("Catalog item"));
            }
            var from = DateTimeOffset.Parse((string?)body["effectiveFrom"] ?? "", CultureInfo.InvariantCulture);
            state.Read(_ =>
            {
                state.Catalog.ChangePrice(offer, (string?)body["termDuration"] ?? "P1Y", (string?)body["billingCycle"] ?? "monthly", (decimal)Number(body["unitPrice"]), from);
                return 0;
            });
            return Results.NoContent();
        });

        sim.MapPut("/settings", async (HttpRequest request, SimulatorSettings settings) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            if ((string?)body["windowPolicy"] is { } policy)
            {
                settings.WindowPolicy = Enum.Parse<WindowPolicy>(policy, ignoreCase: true);
            }
            if (body["renewalProcessingMinutes"] is not null)
            {
                settings.RenewalProcessing = TimeSpan.FromMinutes(Number(body["renewalProcessingMinutes"]));
            }
            if (body["orderPendingPolls"] is not null)
            {
                settings.OrderPendingPolls = (int)Number(body["orderPendingPolls"]);
            }
            if (body["requestsPerMinute"] is not null)
            {
                settings.RequestsPerMinute = (int)Number(body["requestsPerMinute"]);
            }
            if (body["consentWithMfa"] is JsonValue mfa && mfa.TryGetValue<bool>(out var withMfa))
            {
                settings.ConsentWithMfa = withMfa;
            }
            return Results.NoContent();
        });

        sim.MapGet("/stats", (SimulatorState state, TokenIssuer issuer, PartnerRateLimit rateLimit) => state.Read(_ => Results.Json(new
        {
            apiRequests = rateLimit.Requests,
            customers = state.Customers.Count,
            subscriptions = state.AllSubscriptions.Count,
            auditRecords = state.AuditRecords.Count,
            charges = state.Charges.Count,
            refreshTokenRedemptions = issuer.Redemptions,
        })));
    }

    private static double Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) => double.Parse(s, CultureInfo.InvariantCulture),
        _ => 0,
    };
}
