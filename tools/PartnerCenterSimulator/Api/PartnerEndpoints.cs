using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerCenterSimulator.Model;
using PartnerCenterSimulator.Rules;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Api;

/// <summary>Partner Center's v1 REST surface (microsoft-csp.md §4) over <see cref="SimulatorState"/>.</summary>
public static class PartnerEndpoints
{
    public const string ActorItem = "sim.actor";

    public static IResult Error(SimError error) =>
        Results.Json(new { code = error.Code, description = error.Description, data = Array.Empty<string>(), source = "PartnerFD" }, statusCode: error.HttpStatus);

    public static void MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");

        v1.MapGet("/customers", (HttpRequest request, SimulatorState state) =>
            Results.Json(state.Read(_ => Paging.Page(state.Customers, request, 100, "/v1/customers", c => Shapes.Customer(c)))));

        v1.MapGet("/customers/{customerId}", (string customerId, SimulatorState state) =>
            state.Read(_ => state.FindCustomer(customerId)) is { } customer ? Results.Json(Shapes.Customer(customer)) : Error(SimError.NotFound("Customer")));

        v1.MapGet("/customers/{customerId}/subscriptions", (string customerId, SimulatorState state) =>
            state.Read(now => state.FindCustomer(customerId) is null
                ? Error(SimError.NotFound("Customer"))
                : Results.Json(Shapes.Collection(state.SubscriptionsOf(customerId).Select(s => Shapes.Subscription(s, now)).ToList(),
                    state.SubscriptionsOf(customerId).Count))));

        v1.MapGet("/customers/{customerId}/subscriptions/{subscriptionId}", (string customerId, string subscriptionId, HttpResponse response, SimulatorState state) =>
            state.Read(now =>
            {
                if (state.FindSubscription(customerId, subscriptionId) is not { } s)
                {
                    return Error(SimError.NotFound("Subscription"));
                }
                response.Headers.ETag = $"\"{s.ETag}\"";
                return Results.Json(Shapes.Subscription(s, now));
            }));

        v1.MapPatch("/customers/{customerId}/subscriptions/{subscriptionId}", async (string customerId, string subscriptionId, HttpContext context, SimulatorState state, Faults faults) =>
        {
            if (faults.TakeConflict())
            {
                return Error(SimError.RenewalInProgress());
            }
            var body = await ReadObjectAsync(context.Request);
            if (body is null)
            {
                return Error(SimError.Invalid("The request body must be a Subscription."));
            }
            var ifMatch = context.Request.Headers.IfMatch.ToString();
            var (s, error) = state.Patch(customerId, subscriptionId, body, ifMatch.Length == 0 ? null : ifMatch, Actor(context));
            if (error is not null)
            {
                return Error(error);
            }
            var json = state.Read(now => Shapes.Subscription(s!, now));
            context.Response.Headers.ETag = $"\"{s!.ETag}\"";
            return Results.Json(json);
        });

        v1.MapGet("/customers/{customerId}/subscriptions/{subscriptionId}/transitionEligibilities", (string customerId, string subscriptionId, SimulatorState state) =>
            state.Read(_ =>
            {
                if (state.FindSubscription(customerId, subscriptionId) is not { } s)
                {
                    return Error(SimError.NotFound("Subscription"));
                }
                var items = s.Offer.UpgradeTargets
                    .Select(t => state.Catalog.FindByProductSku(t)!)
                    .Select(o => (JsonNode)new JsonObject
                    {
                        ["catalogItemId"] = o.CatalogItemId,
                        ["title"] = o.SkuTitle,
                        ["eligibilities"] = new JsonArray(new JsonObject { ["isEligible"] = s.Status == "active", ["errors"] = new JsonArray() }),
                    })
                    .ToList();
                return Results.Json(Shapes.Collection(items, items.Count));
            }));

        v1.MapPost("/customers/{customerId}/subscriptions/{subscriptionId}/transitions", async (string customerId, string subscriptionId, HttpContext context, SimulatorState state, Faults faults) =>
        {
            if (faults.TakeConflict())
            {
                return Error(SimError.RenewalInProgress());
            }
            var body = await ReadObjectAsync(context.Request);
            if (body is null)
            {
                return Error(SimError.Invalid("The request body must be a Transition."));
            }
            var (transition, error) = state.Transition(customerId, subscriptionId, body, Actor(context));
            return error is not null ? Error(error) : Results.Json(transition, statusCode: 201);
        });

        v1.MapGet("/customers/{customerId}/subscriptions/{subscriptionId}/transitions", (string customerId, string subscriptionId, SimulatorState state) =>
            state.Read(_ => Results.Json(Shapes.Collection(state.TransitionsOf(subscriptionId).Select(t => t.DeepClone()).ToList(), state.TransitionsOf(subscriptionId).Count))));

        v1.MapPost("/customers/{customerId}/carts", async (string customerId, HttpRequest request, SimulatorState state) =>
        {
            var body = await ReadObjectAsync(request);
            if (body?["lineItems"] is not JsonArray items)
            {
                return Error(SimError.Invalid("The cart needs lineItems."));
            }
            var lines = new List<SimCartLine>();
            foreach (var item in items.OfType<JsonObject>())
            {
                DateOnly? customEnd = (string?)item["customTermEndDate"] is { Length: >= 10 } text
                    ? DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null;
                lines.Add(new SimCartLine(
                    ReadInt(item["id"]) ?? lines.Count,
                    (string?)item["catalogItemId"] ?? "",
                    ReadInt(item["quantity"]) ?? 0,
                    (string?)item["billingCycle"] ?? "",
                    (string?)item["termDuration"] ?? "",
                    customEnd));
            }
            var (cart, error) = state.CreateCart(customerId, lines);
            return error is not null ? Error(error) : Results.Json(Cart(cart!), statusCode: 201);
        });

        v1.MapPost("/customers/{customerId}/carts/{cartId}/checkout", (string customerId, string cartId, HttpContext context, SimulatorState state, Faults faults) =>
        {
            var (order, error) = state.Checkout(customerId, cartId, Actor(context));
            if (error is not null)
            {
                return Error(error);
            }
            if (faults.TakeLostCheckoutAnswer())
            {
                // The order is placed; the answer never reaches the caller.
                context.Abort();
                return Results.Empty;
            }
            var result = new JsonObject
            {
                ["orders"] = new JsonArray(Shapes.Order(order!)),
                ["orderErrors"] = new JsonArray(),
                ["attributes"] = Shapes.Attributes("CartCheckoutResult"),
            };
            return Results.Json(result);
        });

        v1.MapGet("/customers/{customerId}/orders/{orderId}", (string customerId, string orderId, SimulatorState state) =>
            state.PollOrder(customerId, orderId) is { } order ? Results.Json(Shapes.Order(order)) : Error(SimError.NotFound("Order")));

        v1.MapGet("/customers/{customerId}/subscribedskus", (string customerId, SimulatorState state) =>
        {
            if (state.Read(_ => state.FindCustomer(customerId)) is null)
            {
                return Error(SimError.NotFound("Customer"));
            }
            var skus = state.SubscribedSkus(customerId).Select(sku => (JsonNode)Shapes.SubscribedSku(sku)).ToList();
            return Results.Json(Shapes.Collection(skus, skus.Count));
        });

        v1.MapGet("/products/{productId}/skus/{skuId}", (string productId, string skuId, SimulatorState state) =>
            state.Catalog.FindByProductSku($"{productId}:{skuId}") is { } offer ? Results.Json(Shapes.Sku(offer)) : Error(SimError.NotFound("Product")));

        v1.MapGet("/products/{productId}/skus/{skuId}/availabilities", (string productId, string skuId, SimulatorState state) =>
        {
            if (state.Catalog.FindByProductSku($"{productId}:{skuId}") is not { } offer)
            {
                return Error(SimError.NotFound("Product"));
            }
            var availability = new JsonObject
            {
                ["id"] = offer.AvailabilityId,
                ["productId"] = offer.ProductId,
                ["skuId"] = offer.SkuId,
                ["catalogItemId"] = offer.CatalogItemId,
                ["country"] = "US",
                ["isPurchasable"] = true,
                ["attributes"] = Shapes.Attributes("Availability"),
            };
            return Results.Json(Shapes.Collection([availability], 1));
        });

        v1.MapGet("/auditrecords", (HttpRequest request, SimulatorState state) =>
            state.Read(now =>
            {
                var start = ParseDate(request.Query["startDate"]) ?? DateOnly.FromDateTime(now.UtcDateTime).AddDays(-30);
                var end = ParseDate(request.Query["endDate"]);
                var from = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                // The activity log keeps 90 days at most (§4.5).
                var retained = now.AddDays(-90);
                var until = end is { } e ? new DateTimeOffset(e.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
                var (field, value) = ParseFilter(request.Query["filter"]);
                var records = state.AuditRecords
                    .Where(r => r.OperationDate >= from && r.OperationDate >= retained && r.OperationDate < until)
                    .Where(r => field switch
                    {
                        "customerid" => string.Equals(r.CustomerId, value, StringComparison.OrdinalIgnoreCase),
                        "resourcetype" => string.Equals(r.ResourceType, value, StringComparison.OrdinalIgnoreCase),
                        "companyname" => r.CustomerName.Contains(value ?? "", StringComparison.OrdinalIgnoreCase),
                        _ => true,
                    })
                    .ToList();
                var query = new StringBuilder($"/v1/auditrecords?startDate={start:yyyy-MM-dd}");
                if (end is { } endDate)
                {
                    query.Append(CultureInfo.InvariantCulture, $"&endDate={endDate:yyyy-MM-dd}");
                }
                return Results.Json(Paging.Page(records, request, 500, query.ToString(), r => Shapes.AuditRecord(r)));
            }));

        v1.MapGet("/invoices", (SimulatorState state) =>
            state.Read(now =>
            {
                var invoices = Invoices.Closed(state, now).Select(i => (JsonNode)Invoices.Shape(i)).ToList();
                return Results.Json(Shapes.Collection(invoices, invoices.Count));
            }));

        v1.MapGet("/invoices/{invoiceId}", (string invoiceId, SimulatorState state) =>
            state.Read(now => Invoices.Closed(state, now).FirstOrDefault(i => i.Id == invoiceId) is { } invoice
                ? Results.Json(Invoices.Shape(invoice))
                : Error(SimError.NotFound("Invoice"))));

        v1.MapGet("/invoices/{invoiceId}/lineitems", (string invoiceId, HttpRequest request, SimulatorState state) => LineItems(invoiceId, request, state));
        v1.MapGet("/invoices/{invoiceId}/lineitems/OneTime/BillingLineItems", (string invoiceId, HttpRequest request, SimulatorState state) => LineItems(invoiceId, request, state));

        app.MapGet("/v1.0/sales/{sheet}/$value", (string sheet, SimulatorState state) =>
        {
            if (!sheet.StartsWith("pricesheets(", StringComparison.OrdinalIgnoreCase))
            {
                return Error(SimError.NotFound("Price sheet"));
            }
            var csv = state.Read(_ => PriceSheet.Csv(state.Catalog));
            return Results.Text(csv, "text/csv", Encoding.UTF8);
        });
    }

    private static IResult LineItems(string invoiceId, HttpRequest request, SimulatorState state) =>
        state.Read(now =>
        {
            if (!string.Equals(request.Query["provider"].ToString(), "onetime", StringComparison.OrdinalIgnoreCase)
                && request.Query["seekOperation"].Count == 0)
            {
                return Error(SimError.Invalid("Only provider=onetime is simulated."));
            }
            IReadOnlyList<SimCharge> charges;
            string number;
            if (string.Equals(invoiceId, "unbilled", StringComparison.OrdinalIgnoreCase))
            {
                var period = request.Query["period"].ToString();
                charges = Invoices.Unbilled(state, now, string.Equals(period, "previous", StringComparison.OrdinalIgnoreCase));
                number = "";
            }
            else if (Invoices.Closed(state, now).FirstOrDefault(i => i.Id == invoiceId) is { } invoice)
            {
                charges = invoice.Charges;
                number = invoice.Id;
            }
            else
            {
                return Error(SimError.NotFound("Invoice"));
            }
            var next = $"/v1/invoices/{invoiceId}/lineitems/OneTime/BillingLineItems?provider=onetime&invoicelineitemtype=billinglineitems&period={request.Query["period"]}";
            return Results.Json(Paging.Page(charges, request, 2000, next,
                c => Shapes.LineItem(c, number, state.Settings.PartnerId, state.Settings.MpnId)));
        });

    private static JsonObject Cart(SimCart cart)
    {
        var lines = new JsonArray();
        foreach (var line in cart.Lines)
        {
            lines.Add(new JsonObject
            {
                ["id"] = line.Id,
                ["catalogItemId"] = line.CatalogItemId,
                ["quantity"] = line.Quantity,
                ["currencyCode"] = "USD",
                ["billingCycle"] = line.BillingCycle,
                ["termDuration"] = line.TermDuration,
                ["orderGroup"] = "0",
            });
        }
        return new JsonObject
        {
            ["id"] = cart.Id,
            ["creationTimestamp"] = Shapes.Instant(cart.CreatedAt),
            ["lastModifiedTimestamp"] = Shapes.Instant(cart.CreatedAt),
            ["expirationTimestamp"] = Shapes.Instant(cart.CreatedAt.AddDays(7)),
            ["status"] = cart.Status,
            ["lineItems"] = lines,
            ["attributes"] = Shapes.Attributes("Cart"),
        };
    }

    private static SimActor Actor(HttpContext context) =>
        context.Items[ActorItem] as SimActor ?? new SimActor(TokenIssuer.ConsentingUser, TokenIssuer.AnyApplication);

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateOnly? ParseDate(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    // Partner Center's audit filter is a JSON object such as {"Field":"CustomerId","Value":"…","Operator":"equals"}.
    private static (string? Field, string? Value) ParseFilter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (null, null);
        }
        try
        {
            var node = JsonNode.Parse(filter) as JsonObject;
            return (((string?)node?["Field"] ?? (string?)node?["field"])?.ToLowerInvariant(), (string?)node?["Value"] ?? (string?)node?["value"]);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static int? ReadInt(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
