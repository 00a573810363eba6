using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoCardlessSimulator.Api;

/// <summary>GoCardless wraps every resource in its collection's name: <c>{"payments": {...}}</c> in and out, and lists with meta.cursors.</summary>
public static class Envelope
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, string key)
    {
        JsonNode? document;
        try
        {
            document = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw ApiRefusal.BadDocument($"The request body is not valid JSON: {e.Message}");
        }
        if (document?[key] is not JsonObject inner)
        {
            throw ApiRefusal.BadDocument($"The request body must be an object with a '{key}' object.");
        }
        try
        {
            return inner.Deserialize<T>(SimJson.Options) ?? throw ApiRefusal.BadDocument($"'{key}' is empty.");
        }
        catch (JsonException e)
        {
            throw ApiRefusal.BadDocument($"'{key}' has a field of the wrong type: {e.Message}");
        }
    }

    public static IResult One(string key, object resource, int status = StatusCodes.Status200OK) =>
        Results.Json(new Dictionary<string, object> { [key] = resource }, SimJson.Options, statusCode: status);

    /// <summary>A page of a list, newest first: <c>limit</c> (1–500, default 50) after or before a cursor (an id).</summary>
    public static IResult Page<T>(string key, IReadOnlyList<T> newestFirst, Func<T, string> id, Func<T, object> shape, IQueryCollection query)
    {
        var limit = int.TryParse(query["limit"], out var asked) ? asked : 50;
        if (limit is < 1 or > 500) throw ApiRefusal.Invalid("limit", "must be between 1 and 500");
        IEnumerable<T> rows = newestFirst;
        if (query["after"].FirstOrDefault() is { } after)
        {
            rows = rows.SkipWhile(r => id(r) != after).Skip(1);
        }
        else if (query["before"].FirstOrDefault() is { } before)
        {
            rows = rows.TakeWhile(r => id(r) != before);
        }
        var all = rows.ToList();
        var page = all.Take(limit).ToList();
        var cursors = new
        {
            before = page.Count > 0 && !ReferenceEquals(page[0], newestFirst.FirstOrDefault()) ? id(page[0]) : null,
            after = all.Count > page.Count ? id(page[^1]) : null,
        };
        return Results.Json(
            new Dictionary<string, object> { [key] = page.Select(shape), ["meta"] = new { cursors, limit } },
            SimJson.Options);
    }
}
