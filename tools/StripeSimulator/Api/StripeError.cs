using System.Text.Json.Nodes;

namespace StripeSimulator.Api;

/// <summary>
/// An answer in Stripe's error shape, <c>{"error": {"type", "code", "decline_code", "message", "param", "doc_url",
/// "payment_intent", "payment_method"}}</c>, with Stripe's HTTP codes: 400 invalid request, 401 bad key, 402 card error,
/// 404 missing object, 409 key in use, 429 rate limit, 500 api error.
/// </summary>
public sealed record StripeError(int Status, string Type, string Message, string? Code = null, string? Param = null, string? DeclineCode = null)
{
    public JsonObject? PaymentIntent { get; init; }

    public JsonObject? PaymentMethod { get; init; }

    public static StripeError Missing(string what, string id, string param) =>
        new(404, "invalid_request_error", $"No such {what}: '{id}'", "resource_missing", param);

    public static StripeError ParameterMissing(string param) =>
        new(400, "invalid_request_error", $"Missing required param: {param}.", "parameter_missing", param);

    public static StripeError Invalid(string param, string message) =>
        new(400, "invalid_request_error", message, "parameter_invalid", param);

    public JsonObject ToJson()
    {
        var error = new JsonObject { ["type"] = Type, ["message"] = Message };
        if (Code is not null)
        {
            error["code"] = Code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{Code.Replace('_', '-')}";
        }
        if (DeclineCode is not null) error["decline_code"] = DeclineCode;
        if (Param is not null) error["param"] = Param;
        if (PaymentIntent is not null) error["payment_intent"] = PaymentIntent;
        if (PaymentMethod is not null) error["payment_method"] = PaymentMethod;
        return new JsonObject { ["error"] = error };
    }

    public IResult ToResult() => Results.Content(ToJson().ToJsonString(), "application/json", statusCode: Status);
}
