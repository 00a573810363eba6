using System.Text.Json.Nodes;

namespace StripeSimulator.Api;

/// <summary>The parameters of a request: the form body of a POST, the query string of a GET, both in Stripe's bracket notation.</summary>
public static class RequestForm
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return FormReader.Parse(request.QueryString.Value ?? "");
        }
        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return FormReader.Parse(body);
    }

    /// <summary>The paths of <c>expand[]</c>, such as "setup_intent.payment_method".</summary>
    public static IReadOnlyList<string> Expand(JsonObject form) =>
        form["expand"] is JsonArray list ? [.. list.OfType<JsonValue>().Select(v => (string)v!)] : [];
}
