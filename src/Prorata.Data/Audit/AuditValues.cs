using System.Globalization;

namespace Prorata.Data.Audit;

/// <summary>A field's value as the audit log writes it: invariant, instants in UTC, decimals without trailing zeros.</summary>
public static class AuditValues
{
    public const string Hidden = "[hidden]";

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        // The database hands 10.000000 back for the 10 that was saved: the same price, so no change.
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => $"({bytes.Length} bytes)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
