using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prorata.Integrations.GoCardless.Wire;

/// <summary>GoCardless's JSON: snake_case names, absent fields omitted rather than sent as null.</summary>
internal static class GoCardlessJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
