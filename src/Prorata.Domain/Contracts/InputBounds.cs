using System.Globalization;

namespace Prorata.Domain.Contracts;

/// <summary>
/// The ranges every typed value must keep, so that what a person or a caller sends is stored as sent and stays within
/// what the engine can multiply: quantity (at most <see cref="MaxSeats"/>) × price (at most <see cref="MaxAmount"/>) ×
/// days (at most 1,096 in a P3Y term) is below 1.1 × 10^16, far inside decimal's 7.9 × 10^28, whatever the proration
/// factor's 28 digits. Ids are at most <see cref="MaxIdLength"/> characters, as their database columns.
/// </summary>
public static class InputBounds
{
    /// <summary>Seats of one subscription: Microsoft sells at most a few tens of thousands; 100,000 leaves room.</summary>
    public const int MaxSeats = 100_000;

    /// <summary>A price per seat and cycle, a fixed price or a product's price: 100 million in any currency.</summary>
    public const decimal MaxAmount = 100_000_000m;

    /// <summary>A product or SKU id (Microsoft's are 12 and 4 characters).</summary>
    public const int MaxIdLength = 64;

    /// <summary>Pricing rules of one contract: one per product and SKU a customer buys is far fewer.</summary>
    public const int MaxPricingRules = 500;

    /// <summary>
    /// Control characters (tab, newline, NUL …) and invisible format characters — among them the bidirectional overrides
    /// U+202A–U+202E and U+2066–U+2069, which make "txt.exe" read as "exe.txt" — have no place in a name or an id.
    /// </summary>
    public static bool HasHiddenCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\uFFFD' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first hidden character, named for a message: "U+202E".</summary>
    public static string FirstHidden(string text)
    {
        foreach (var c in text)
        {
            if (HasHiddenCharacters(c.ToString()))
            {
                return $"U+{(int)c:X4}";
            }
        }
        return "";
    }

    /// <summary>A name or label: required, at most <paramref name="maxLength"/>, no hidden characters. Returns the trimmed text or null.</summary>
    public static string? Text(string? value, string field, int maxLength, ValidationErrors errors, bool required = true)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(field, $"{Leaf(field)} is required.");
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(field, $"{Leaf(field)} must be at most {maxLength} characters; got {text.Length:N0}.");
            return null;
        }
        if (HasHiddenCharacters(text))
        {
            errors.Add(field, $"{Leaf(field)} must not contain control or invisible formatting characters; got {FirstHidden(text)} in '{Printable(text)}'.");
            return null;
        }
        return text;
    }

    /// <summary>The text with hidden characters shown as their code points, safe to quote back.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Take(80).Select(c => HasHiddenCharacters(c.ToString()) ? $"<U+{(int)c:X4}>" : c.ToString()));

    private static string Leaf(string field) => field.Split('.')[^1];
}
