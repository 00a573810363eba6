using System.Text.Json.Nodes;
using StripeSimulator.State;

namespace StripeSimulator.Api;

/// <summary>Stripe's JSON for each object (the fields Stripe documents that the simulator models; absent ones are null).</summary>
public static class Shapes
{
    public static JsonObject Customer(SimCustomer c) => new()
    {
        ["id"] = c.Id,
        ["object"] = "customer",
        ["created"] = c.Created,
        ["email"] = c.Email,
        ["name"] = c.Name,
        ["livemode"] = false,
        ["metadata"] = Metadata(c.Metadata),
        ["invoice_settings"] = new JsonObject { ["default_payment_method"] = null },
    };

    public static JsonObject Session(SimCheckoutSession s, JsonNode? setupIntent) => new()
    {
        ["id"] = s.Id,
        ["object"] = "checkout.session",
        ["mode"] = "setup",
        ["status"] = s.Status,
        ["customer"] = s.Customer,
        ["currency"] = s.Currency,
        ["success_url"] = s.SuccessUrl,
        ["cancel_url"] = s.CancelUrl,
        ["url"] = s.Status == "open" ? s.Url : null,
        ["payment_method_types"] = Strings(s.PaymentMethodTypes),
        ["payment_status"] = "no_payment_required",
        ["setup_intent"] = setupIntent ?? s.SetupIntent,
        ["created"] = s.Created,
        ["expires_at"] = s.ExpiresAt,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
    };

    public static JsonObject SetupIntent(SimSetupIntent i, JsonNode? paymentMethod) => new()
    {
        ["id"] = i.Id,
        ["object"] = "setup_intent",
        ["status"] = i.Status,
        ["customer"] = i.Customer,
        ["payment_method"] = paymentMethod ?? (i.PaymentMethod is null ? null : JsonValue.Create(i.PaymentMethod)),
        ["payment_method_types"] = Strings(i.PaymentMethodTypes),
        ["usage"] = "off_session",
        ["mandate"] = i.Mandate,
        ["created"] = i.Created,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
    };

    public static JsonObject PaymentMethod(SimPaymentMethod m)
    {
        var json = new JsonObject
        {
            ["id"] = m.Id,
            ["object"] = "payment_method",
            ["type"] = m.Type,
            ["customer"] = m.Customer,
            ["billing_details"] = new JsonObject { ["name"] = m.BillingName, ["email"] = null, ["phone"] = null, ["address"] = null },
            ["created"] = m.Created,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
        };
        if (m.Type == "card")
        {
            json["card"] = new JsonObject
            {
                ["brand"] = m.Brand,
                ["last4"] = m.Last4,
                ["exp_month"] = m.ExpMonth,
                ["exp_year"] = m.ExpYear,
                ["funding"] = "credit",
                ["country"] = "US",
            };
        }
        else
        {
            json["sepa_debit"] = new JsonObject
            {
                ["last4"] = m.Last4,
                ["country"] = m.Iban![..2],
                ["bank_code"] = m.Iban.Length > 12 ? m.Iban[4..12] : null,
                ["fingerprint"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Iban)))[..16],
            };
        }
        return json;
    }

    public static JsonObject PaymentIntent(SimPaymentIntent p) => new()
    {
        ["id"] = p.Id,
        ["object"] = "payment_intent",
        ["amount"] = p.Amount,
        ["amount_capturable"] = 0,
        ["amount_received"] = p.AmountReceived,
        ["currency"] = p.Currency,
        ["customer"] = p.Customer,
        ["payment_method"] = p.PaymentMethod,
        ["payment_method_types"] = p.PaymentMethodType is null ? new JsonArray() : new JsonArray(p.PaymentMethodType),
        ["status"] = p.Status,
        ["description"] = p.Description,
        ["metadata"] = Metadata(p.Metadata),
        ["last_payment_error"] = p.LastPaymentError is { } e ? Error(e) : null,
        ["latest_charge"] = p.LatestCharge,
        ["capture_method"] = "automatic",
        ["confirmation_method"] = "automatic",
        ["client_secret"] = $"{p.Id}_secret_{p.Id[3..]}",
        ["next_action"] = null,
        ["canceled_at"] = null,
        ["cancellation_reason"] = null,
        ["created"] = p.Created,
        ["livemode"] = false,
    };

    public static JsonObject Refund(SimRefund r) => new()
    {
        ["id"] = r.Id,
        ["object"] = "refund",
        ["amount"] = r.Amount,
        ["currency"] = r.Currency,
        ["payment_intent"] = r.PaymentIntent,
        ["charge"] = r.Charge,
        ["status"] = r.Status,
        ["reason"] = null,
        ["created"] = r.Created,
        ["metadata"] = new JsonObject(),
    };

    public static JsonObject List(string url, IEnumerable<JsonObject> data, bool hasMore) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. data]),
        ["has_more"] = hasMore,
        ["url"] = url,
    };

    public static IResult Ok(JsonObject json) => Results.Content(json.ToJsonString(), "application/json");

    private static JsonObject Error(SimPaymentError e)
    {
        var json = new JsonObject { ["type"] = e.Type, ["code"] = e.Code, ["message"] = e.Message };
        if (e.DeclineCode is not null) json["decline_code"] = e.DeclineCode;
        return json;
    }

    private static JsonObject Metadata(Dictionary<string, string> metadata) =>
        new(metadata.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
