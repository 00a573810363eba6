using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PartnerCenterSimulator.Api;

/// <summary>
/// Continuation paging as Partner Center does it: the page carries <c>links.next</c> with the URI to call and an
/// <c>MS-ContinuationToken</c> header to send with it. The token here is an opaque offset.
/// </summary>
public static class Paging
{
    public const string Header = "MS-ContinuationToken";

    public static JsonObject Page<T>(IReadOnlyList<T> all, HttpRequest request, int defaultSize, string nextUri, Func<T, JsonNode> shape)
    {
        var size = int.TryParse(request.Query["size"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : defaultSize;
        var offset = Decode(request.Headers[Header].ToString());
        var items = all.Skip(offset).Take(size).Select(shape).ToList();
        var nextOffset = offset + items.Count;
        if (nextOffset >= all.Count)
        {
            return Shapes.Collection(items, items.Count);
        }
        var token = Encode(nextOffset);
        var separator = nextUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Shapes.Collection(items, items.Count, Shapes.Link($"{nextUri}{separator}size={size}&seekOperation=Next", token), token);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    private static int Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        return int.Parse(text["offset:".Length..], CultureInfo.InvariantCulture);
    }
}
