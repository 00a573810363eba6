using System.Text.RegularExpressions;
using Prorata.Domain.Contracts;

namespace Prorata.Domain.Tax;

/// <summary>
/// Whether a tax id has the shape its country's numbers have. An EU member state's is its VAT number: the state's prefix
/// (EL for Greece) then the state's pattern, as the Commission's VIES service lists them. Only the shape is checked, not
/// the check digits nor whether the number is registered (that is VIES's answer, asked online). Any other country's id
/// (a US EIN, an Australian ABN, a UK or Northern Irish VAT number) is accepted as 1 to 30 letters, digits, '-' or '.',
/// at least one a letter or digit: the world's formats are too many to list, and only EU numbers decide a treatment.
/// </summary>
public static class TaxIdFormat
{
    public const int MaxLength = 30;

    // The part after the prefix, the shape in words (for the message) and a real-looking example.
    private static readonly Dictionary<string, (Regex Pattern, string Shape, string Example)> EuShapes = new(StringComparer.Ordinal)
    {
        ["AT"] = (Rest("U[0-9]{8}"), "ATU followed by 8 digits", "ATU13585627"),
        ["BE"] = (Rest("[01][0-9]{9}"), "BE followed by 10 digits, the first 0 or 1", "BE0403170701"),
        ["BG"] = (Rest("[0-9]{9,10}"), "BG followed by 9 or 10 digits", "BG175074752"),
        ["CY"] = (Rest("[0-9]{8}[A-Z]"), "CY followed by 8 digits and a letter", "CY10259033P"),
        ["CZ"] = (Rest("[0-9]{8,10}"), "CZ followed by 8, 9 or 10 digits", "CZ25123891"),
        ["DE"] = (Rest("[0-9]{9}"), "DE followed by 9 digits", "DE811569869"),
        ["DK"] = (Rest("[0-9]{8}"), "DK followed by 8 digits", "DK13585628"),
        ["EE"] = (Rest("[0-9]{9}"), "EE followed by 9 digits", "EE100931558"),
        ["EL"] = (Rest("[0-9]{9}"), "EL (not GR) followed by 9 digits", "EL094259216"),
        ["ES"] = (Rest("[A-Z][0-9]{7}[A-Z0-9]|[0-9]{8}[A-Z]"), "ES followed by 9 characters: a letter or digit, 7 digits, a letter or digit, with a letter first or last", "ESA28015865"),
        ["FI"] = (Rest("[0-9]{8}"), "FI followed by 8 digits", "FI20774740"),
        ["FR"] = (Rest("[0-9A-HJ-NP-Z]{2}[0-9]{9}"), "FR followed by 2 digits or letters (not I or O) and 9 digits", "FR40303265045"),
        ["HR"] = (Rest("[0-9]{11}"), "HR followed by 11 digits", "HR33392005961"),
        ["HU"] = (Rest("[0-9]{8}"), "HU followed by 8 digits", "HU12892312"),
        ["IE"] = (Rest("[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W]"), "IE followed by 7 digits and 1 or 2 letters (or the old form: a digit, a letter, 5 digits, a letter)", "IE6388047V"),
        ["IT"] = (Rest("[0-9]{11}"), "IT followed by 11 digits", "IT00743110157"),
        ["LT"] = (Rest("[0-9]{9}|[0-9]{12}"), "LT followed by 9 or 12 digits", "LT119511515"),
        ["LU"] = (Rest("[0-9]{8}"), "LU followed by 8 digits", "LU26375245"),
        ["LV"] = (Rest("[0-9]{11}"), "LV followed by 11 digits", "LV40003521600"),
        ["MT"] = (Rest("[0-9]{8}"), "MT followed by 8 digits", "MT11679112"),
        ["NL"] = (Rest("[0-9]{9}B[0-9]{2}"), "NL followed by 9 digits, B and 2 digits", "NL004495445B01"),
        ["PL"] = (Rest("[0-9]{10}"), "PL followed by 10 digits", "PL5260250274"),
        ["PT"] = (Rest("[0-9]{9}"), "PT followed by 9 digits", "PT501964843"),
        ["RO"] = (Rest("[1-9][0-9]{1,9}"), "RO followed by 2 to 10 digits, the first not 0", "RO18547290"),
        ["SE"] = (Rest("[0-9]{10}01"), "SE followed by 12 digits ending in 01", "SE556703748501"),
        ["SI"] = (Rest("[0-9]{8}"), "SI followed by 8 digits", "SI50223054"),
        ["SK"] = (Rest("[0-9]{10}"), "SK followed by 10 digits", "SK2020273893"),
    };

    private static readonly Regex OtherCountries = new("^(?=.*[A-Z0-9])[A-Z0-9.-]{1,30}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The id as stored and printed: upper case, without the spaces people group digits with; an EU VAT number also
    /// without '.' and '-' ("fr 40-303.265.045" → "FR40303265045").
    /// </summary>
    public static string Normalize(string? country, string taxId)
    {
        var kept = taxId.Where(c => !char.IsWhiteSpace(c) && (!EuMemberStates.Contains(country) || c is not ('.' or '-')));
        return string.Concat(kept).ToUpperInvariant();
    }

    /// <summary>
    /// Null when <paramref name="taxId"/> (normalized first) has the shape of <paramref name="country"/>'s numbers;
    /// otherwise the problem, to read after the field's name: "must be a VAT number of FR: FR followed by …; got 'FR1234'".
    /// </summary>
    public static string? Problem(string? country, string taxId)
    {
        var id = Normalize(country, taxId);
        var got = $"got '{InputBounds.Printable(taxId.Trim())}'";
        if (EuMemberStates.VatPrefix(country) is { } prefix)
        {
            var shape = EuShapes[prefix];
            return id.StartsWith(prefix, StringComparison.Ordinal) && shape.Pattern.IsMatch(id[prefix.Length..])
                ? null
                : $"must be a VAT number of {country!.ToUpperInvariant()}: {shape.Shape}, e.g. {shape.Example}; {got}";
        }
        return OtherCountries.IsMatch(id) ? null : $"must be 1 to {MaxLength} letters, digits, '-' or '.', at least one a letter or digit; {got}";
    }

    /// <summary>
    /// Checks an optional tax id typed for a customer or a legal entity of <paramref name="country"/>; adds the problem under
    /// <paramref name="field"/> ("taxId must be …."). Returns the normalized id, or null when absent or refused.
    /// </summary>
    public static string? Validate(string? country, string? taxId, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(taxId)) return null;
        if (Problem(country, taxId) is { } problem)
        {
            errors.Add(field, $"{field.Split('.')[^1]} {problem}.");
            return null;
        }
        return Normalize(country, taxId);
    }

    private static Regex Rest(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
