using Prorata.Domain.Contracts;

namespace Prorata.Domain.Tax;

/// <summary>The one place where tax rate rows are checked; the API, the settings page and the scenario reader call it.</summary>
public static class TaxRateRules
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Each problem of a row as (field, problem): "rate", "must be between 0 and 100; got 150". The field is the row's wire
    /// name; the problem reads after it.
    /// </summary>
    public static IEnumerable<(string Field, string Problem)> Problems(TaxRate rate)
    {
        if (!IsCountryCode(rate.Country))
            yield return ("country", $"must be two upper-case letters (ISO 3166-1 alpha-2, e.g. DE); got '{InputBounds.Printable(rate.Country)}'");
        if (rate.Region is { } region && !IsRegionCode(region))
            yield return ("region", $"must be 1 to 3 upper-case letters or digits (the subdivision of ISO 3166-2, e.g. WA) or absent; got '{InputBounds.Printable(region)}'");
        if (rate.Rate is < 0m or > 100m)
            yield return ("rate", $"must be between 0 and 100; got {rate.Rate}");
        if (string.IsNullOrWhiteSpace(rate.Name))
            yield return ("name", "is required (the tax's name as invoices print it, e.g. USt)");
        else if (rate.Name.Length > MaxNameLength)
            yield return ("name", $"must be at most {MaxNameLength} characters; got {rate.Name.Length:N0}");
        else if (InputBounds.HasHiddenCharacters(rate.Name))
            yield return ("name", $"must not contain control or invisible formatting characters; got {InputBounds.FirstHidden(rate.Name)}");
        if (rate.EffectiveTo is { } to && to < rate.EffectiveFrom)
            yield return ("effectiveTo", $"must be on or after effectiveFrom {rate.EffectiveFrom:yyyy-MM-dd}; got {to:yyyy-MM-dd}");
    }

    /// <summary>Adds each problem of the row to <paramref name="errors"/> under "<paramref name="prefix"/>field"; true when there is none.</summary>
    public static bool Validate(TaxRate rate, ValidationErrors errors, string prefix = "")
    {
        var valid = true;
        foreach (var (field, problem) in Problems(rate))
        {
            errors.Add(prefix + field, $"{field} {problem}.");
            valid = false;
        }
        return valid;
    }

    /// <summary>
    /// Two rows of the same country and region in force on a same day, as (earlier index, later index, sentence), or null:
    /// an invoice date must find one rate, never two.
    /// </summary>
    public static (int First, int Second, string Problem)? Overlap(IReadOnlyList<TaxRate> rates)
    {
        // Only rows of one place can overlap; grouping first keeps a table of thousands of US jurisdictions linear-ish.
        var places = new Dictionary<(string, string), List<int>>();
        for (var i = 0; i < rates.Count; i++)
        {
            var key = (rates[i].Country.ToUpperInvariant(), RegionKey(rates[i].Region));
            if (!places.TryGetValue(key, out var indexes)) places[key] = indexes = [];
            foreach (var earlier in indexes)
            {
                var (a, b) = (rates[earlier], rates[i]);
                var aEndsBeforeB = a.EffectiveTo is { } aTo && aTo < b.EffectiveFrom;
                var bEndsBeforeA = b.EffectiveTo is { } bTo && bTo < a.EffectiveFrom;
                if (!aEndsBeforeB && !bEndsBeforeA)
                    return (earlier, i, $"overlaps row {earlier} ({a}): both would apply on {Later(a.EffectiveFrom, b.EffectiveFrom):yyyy-MM-dd}");
            }
            indexes.Add(i);
        }
        return null;
    }

    public static bool IsCountryCode(string? text) => text is { Length: 2 } && text.All(char.IsAsciiLetterUpper);

    public static bool IsRegionCode(string? text) => text is { Length: >= 1 and <= 3 } && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>A region as a lookup key: absent and blank are the same (the country's own row).</summary>
    internal static string RegionKey(string? region) => string.IsNullOrWhiteSpace(region) ? "" : region.Trim().ToUpperInvariant();

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
