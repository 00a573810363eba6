using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's JSON: camelCase names, enums as their names, absent fields omitted rather than sent as null.</summary>
public static class AvaTaxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
