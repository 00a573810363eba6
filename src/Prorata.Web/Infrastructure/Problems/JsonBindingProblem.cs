using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Prorata.Web.Infrastructure.Problems;

/// <summary>
/// Turns a JSON body the endpoint could not bind into errors keyed by the field, each naming what was expected and
/// the value sent (<c>"creditHold": ["creditHold must be true or false; got "yes"."]</c>), instead of a message about
/// .NET types. The body is read back from the buffer <see cref="Http.JsonBodies"/> keeps.
/// </summary>
public static partial class JsonBindingProblem
{
    public const string BodyField = "body";
    private const int MaxQuoted = 80;

    public static async Task<Dictionary<string, string[]>?> DescribeAsync(HttpContext context, BadHttpRequestException exception)
    {
        var body = await ReadBodyAsync(context.Request);
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
            var expected = Expected(json.Message, path is null);
            if (expected is null)
            {
                // Not a value of the wrong type but text that is not JSON (or not UTF-8): the body as a whole is refused.
                return new Dictionary<string, string[]> { [BodyField] = [$"The request body is not valid JSON: {Reason(json.Message)}{(path is null ? "" : $" (at {path})")}."] };
            }
            var field = path ?? BodyField;
            var value = body is null ? null : ValueAt(body, json.Path ?? "$");
            return new Dictionary<string, string[]> { [field] = [$"{field} must be {expected}; got {value ?? "a value that is not valid JSON"}."] };
        }
        if (exception.Message.Contains("was not provided from body", StringComparison.Ordinal)
            || exception.Message.Contains("Implicit body inferred", StringComparison.Ordinal))
        {
            var got = body switch
            {
                null or { Length: 0 } => "an empty body",
                _ => Quote(body.Trim()),
            };
            return new Dictionary<string, string[]> { [BodyField] = [$"The request body must be a JSON object; got {got}."] };
        }
        return null;
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: false), false, 4096, leaveOpen: true);
        var text = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        return text;
    }

    /// <summary>The JSON text at a path such as <c>$.pricingRules[0].value</c>, quoted short; null when the body does not parse.</summary>
    private static string? ValueAt(string body, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
        foreach (Match step in PathStep().Matches(path))
        {
            node = step.Groups["name"].Success ? (node as JsonObject)?[step.Groups["name"].Value]
                : step.Groups["quoted"].Success ? (node as JsonObject)?[step.Groups["quoted"].Value]
                : int.TryParse(step.Groups["index"].Value, out var index) && node is JsonArray array && index < array.Count ? array[index] : null;
        }
        return node is null ? "null" : Quote(node.ToJsonString());
    }

    private static string Quote(string text) => text.Length <= MaxQuoted ? text : $"{text[..MaxQuoted]}… ({text.Length:N0} characters)";

    // "The JSON value could not be converted to System.Boolean. Path: …" names the .NET type; callers know JSON's words.
    private static string? Expected(string message, bool wholeBody)
    {
        var match = TargetType().Match(message);
        if (!match.Success)
        {
            return null;
        }
        if (wholeBody)
        {
            return "a JSON object";
        }
        var type = match.Groups["type"].Value;
        var nullable = NullableOf().Match(type);
        if (nullable.Success)
        {
            type = nullable.Groups["inner"].Value;
        }
        return type switch
        {
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.Int32" => $"a whole number between {int.MinValue} and {int.MaxValue}",
            "System.Int64" => "a whole number",
            "System.Decimal" => "a number",
            "System.Guid" => "an id (a GUID such as 0197a3c2-0000-7000-8000-000000000000)",
            "System.DateOnly" => "a date (yyyy-MM-dd)",
            "System.DateTimeOffset" => "a timestamp (ISO 8601)",
            _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ => "a JSON object",
        };
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.');
    }

    [GeneratedRegex(@"converted to (?<type>[^\s]+?)\.?\s+Path:", RegexOptions.CultureInvariant)]
    private static partial Regex TargetType();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"\.(?<name>[^.\[\]]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();
}
