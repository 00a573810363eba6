using System.Globalization;
using System.Text.Json;

namespace Prorata.Domain.Simulation;

/// <summary>Typed reads of a JSON object's members that fail with the member's full path named.</summary>
internal readonly struct JsonField(JsonElement element, string path)
{
    public string Path => path;

    public JsonField Member(string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? new JsonField(value, Join(name))
            : new JsonField(default, Join(name));

    public bool IsMissing => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    public IEnumerable<JsonField> Items(bool required = true) => Elements(required, objects: true);

    /// <summary>The members of an array of plain values (numbers, strings), each read with its own path.</summary>
    public IEnumerable<JsonField> Values(bool required = true) => Elements(required, objects: false);

    private IEnumerable<JsonField> Elements(bool required, bool objects)
    {
        if (IsMissing)
        {
            if (required) throw Error("is required (an array)");
            yield break;
        }
        if (element.ValueKind != JsonValueKind.Array) throw Error("must be an array");
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (objects && item.ValueKind != JsonValueKind.Object) throw new ScenarioFormatException($"{path}[{i}]", "must be an object");
            yield return new JsonField(item, $"{path}[{i}]");
            i++;
        }
    }

    public string String()
    {
        if (IsMissing) throw Error("is required");
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            throw Error($"must be a non-empty string; got {element.GetRawText()}");
        return element.GetString()!;
    }

    public string? OptionalString() => IsMissing ? null : String();

    public decimal Decimal()
    {
        if (IsMissing) throw Error("is required");
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value)) return value;
        throw Error($"must be a number; got {element.GetRawText()}");
    }

    public decimal? OptionalDecimal() => IsMissing ? null : Decimal();

    public int Int()
    {
        if (IsMissing) throw Error("is required");
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)) return value;
        throw Error($"must be a whole number; got {element.GetRawText()}");
    }

    public int? OptionalInt() => IsMissing ? null : Int();

    public bool? OptionalBool() =>
        IsMissing ? null
        : element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean()
        : throw Error($"must be true or false; got {element.GetRawText()}");

    public DateOnly Date()
    {
        var text = String();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error($"must be a date yyyy-MM-dd; got '{text}'");
    }

    public DateOnly? OptionalDate() => IsMissing ? null : Date();

    public DateTimeOffset Timestamp()
    {
        var text = String();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw Error($"must be an ISO-8601 UTC timestamp; got '{text}'");
    }

    /// <summary>Reads one of a fixed set of words (case-insensitive) and maps it to its value.</summary>
    public T Word<T>(IReadOnlyDictionary<string, T> words)
    {
        var text = String();
        foreach (var (word, value) in words)
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase)) return value;
        throw Error($"must be one of {string.Join(", ", words.Keys)}; got '{text}'");
    }

    public T? OptionalWord<T>(IReadOnlyDictionary<string, T> words) where T : struct => IsMissing ? null : Word(words);

    public ScenarioFormatException Error(string problem) => new(path, problem);

    private string Join(string name) => path.Length == 0 ? name : $"{path}.{name}";
}
