using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace StripeSimulator.Api;

/// <summary>
/// Stripe's form encoding: <c>metadata[prorata_invoice]=X</c> is a nested object, <c>expand[0]=a</c> and <c>expand[]=a</c>
/// are list items; every leaf is a string, as on the wire.
/// </summary>
public static class FormReader
{
    public static JsonObject Parse(string encoded)
    {
        var root = new JsonObject();
        foreach (var (key, values) in QueryHelpers.ParseQuery(encoded))
        {
            foreach (var value in values)
            {
                Set(root, Segments(key), value ?? "");
            }
        }
        return root;
    }

    /// <summary>The pairs sorted, so two encodings of the same parameters compare equal.</summary>
    public static string Fingerprint(string path, string encoded) =>
        path + "?" + string.Join('&', QueryHelpers.ParseQuery(encoded)
            .SelectMany(pair => pair.Value.Select(v => $"{pair.Key}={v}"))
            .Order(StringComparer.Ordinal));

    private static List<string> Segments(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0) return [key];
        var segments = new List<string> { key[..open] };
        while (open >= 0 && open < key.Length)
        {
            var close = key.IndexOf(']', open);
            if (close < 0) break;
            segments.Add(key[(open + 1)..close]);
            open = close + 1 < key.Length && key[close + 1] == '[' ? close + 1 : -1;
        }
        return segments;
    }

    private static void Set(JsonNode parent, List<string> segments, string value)
    {
        var node = parent;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var nextIsList = !last && (segments[i + 1].Length == 0 || int.TryParse(segments[i + 1], out _));
            JsonNode? Make() => last ? JsonValue.Create(value) : nextIsList ? new JsonArray() : new JsonObject();
            if (node is JsonObject obj)
            {
                if (last || obj[segments[i]] is null) obj[segments[i]] = Make();
                node = obj[segments[i]]!;
            }
            else if (node is JsonArray list)
            {
                var index = segments[i].Length == 0 ? list.Count : int.Parse(segments[i]);
                while (list.Count <= index) list.Add(null);
                if (last || list[index] is null) list[index] = Make();
                node = list[index]!;
            }
        }
    }
}
