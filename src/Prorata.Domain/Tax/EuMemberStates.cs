namespace Prorata.Domain.Tax;

/// <summary>
/// The 27 member states of the EU VAT area by ISO 3166-1 code, with the prefix their VAT numbers carry (Greece: GR,
/// numbers EL…). Northern Ireland ('XI') is in the EU's VAT area for goods only; Prorata bills services (licences,
/// subscriptions), which follow Great Britain, so XI is not a member here: an EU seller's XI customer is outside scope.
/// </summary>
public static class EuMemberStates
{
    private static readonly Dictionary<string, string> VatPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = "AT", ["BE"] = "BE", ["BG"] = "BG", ["CY"] = "CY", ["CZ"] = "CZ", ["DE"] = "DE", ["DK"] = "DK",
        ["EE"] = "EE", ["ES"] = "ES", ["FI"] = "FI", ["FR"] = "FR", ["GR"] = "EL", ["HR"] = "HR", ["HU"] = "HU",
        ["IE"] = "IE", ["IT"] = "IT", ["LT"] = "LT", ["LU"] = "LU", ["LV"] = "LV", ["MT"] = "MT", ["NL"] = "NL",
        ["PL"] = "PL", ["PT"] = "PT", ["RO"] = "RO", ["SE"] = "SE", ["SI"] = "SI", ["SK"] = "SK",
    };

    public static IReadOnlyCollection<string> Codes => VatPrefixes.Keys;

    public static bool Contains(string? country) => country is not null && VatPrefixes.ContainsKey(country);

    /// <summary>The prefix of the state's VAT numbers ("EL" for GR), or null for a country outside the EU.</summary>
    public static string? VatPrefix(string? country) => country is not null && VatPrefixes.TryGetValue(country, out var prefix) ? prefix : null;
}
