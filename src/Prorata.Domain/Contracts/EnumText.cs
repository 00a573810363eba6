namespace Prorata.Domain.Contracts;

/// <summary>
/// Reads an enumeration from the text a caller sent ("monthly", "Monthly"), refusing numbers so that "3" is not
/// silently taken for a member.
/// </summary>
public static class EnumText
{
    public static TEnum Parse<TEnum>(string? text, TEnum whenMissing, string field, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenMissing;
        }
        var trimmed = text.Trim();
        if (!char.IsDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse<TEnum>(trimmed, ignoreCase: true, out var value))
        {
            return value;
        }
        errors.Add(field, $"{field.Split('.')[^1]} must be one of {Names<TEnum>()}; got '{text}'.");
        return whenMissing;
    }

    /// <summary>The members as callers write them: camelCase, comma separated.</summary>
    public static string Names<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(ToWire));

    public static string ToWire<TEnum>(TEnum value) where TEnum : struct, Enum => ToWire(value.ToString());

    private static string ToWire(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
