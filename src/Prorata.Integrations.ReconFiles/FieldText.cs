using System.Globalization;

namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Number and date text as Microsoft writes it: invariant culture; dates as <c>2025-03-14</c>, <c>3/14/2025</c> or an
/// ISO timestamp, all UTC (microsoft-csp.md §2.1), a timestamp with an offset being converted to its UTC date.
/// </summary>
internal static class FieldText
{
    private const NumberStyles Number = NumberStyles.Number | NumberStyles.AllowExponent;
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    private static readonly string[] UsFormats =
        ["M/d/yyyy", "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt"];

    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        text = text.Trim();
        // Fast path for the ISO date Microsoft writes on nearly every line, with or without a UTC time part.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && (text.Length == 10 || IsUtcTimePart(text[10..]))
            && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }
        if (DateTime.TryParseExact(text, UsFormats, CultureInfo.InvariantCulture, Utc, out var us))
        {
            date = DateOnly.FromDateTime(us);
            return true;
        }
        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Utc, out var stamp))
        {
            date = DateOnly.FromDateTime(stamp.UtcDateTime);
            return true;
        }
        date = default;
        return false;
    }

    // "T00:00:00", "T00:00:00Z", "T00:00:00.0000000Z": no offset, so the date part is already the UTC date.
    private static bool IsUtcTimePart(ReadOnlySpan<char> rest) =>
        rest[0] is 'T' or ' ' && rest[1..].IndexOfAny('+', '-') < 0;

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
