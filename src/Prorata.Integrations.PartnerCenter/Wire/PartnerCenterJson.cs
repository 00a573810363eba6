using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prorata.Integrations.PartnerCenter.Wire;

internal static class PartnerCenterJson
{
    /// <summary>camelCase, case-insensitive, numbers accepted as strings (Partner Center serializes amounts both ways, §4.6).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new EmptyStringAsNullDateConverter() },
    };

    public static int? ReadCode(JsonElement code) => code.ValueKind switch
    {
        JsonValueKind.Number when code.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(code.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    // Empty strings stand for "no date" in line items (e.g. chargeEndDate of a perpetual license).
    private sealed class EmptyStringAsNullDateConverter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            var text = reader.GetString();
            return string.IsNullOrEmpty(text) ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                writer.WriteStringValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
