using System.Text.Json;

namespace GoCardlessSimulator.Api;

/// <summary>GoCardless's JSON: snake_case names; nulls are written, as GoCardless writes them.</summary>
public static class SimJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
