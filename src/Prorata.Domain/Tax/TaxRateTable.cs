namespace Prorata.Domain.Tax;

/// <summary>
/// The built-in rate table (billing-rules §5, case 4). Rows are effective-dated: an invoice uses the row in force on
/// its invoice date, so a rate change mid-period applies from the first invoice dated on or after the change (a credit
/// too is taxed at the rate of its own date). A region's row wins over its country's row; a region whose row is not in
/// force on the date falls back to the country's.
/// </summary>
public sealed class TaxRateTable
{
    public static readonly TaxRateTable Empty = new([]);

    private readonly Dictionary<(string Country, string Region), List<TaxRate>> _rows = new();

    /// <exception cref="ArgumentException">Two rows of one place overlap in time (<see cref="TaxRateRules.Overlap"/>): validate rows first.</exception>
    public TaxRateTable(IReadOnlyList<TaxRate> rates)
    {
        if (TaxRateRules.Overlap(rates) is { } overlap)
            throw new ArgumentException($"Tax rate row {overlap.Second} {overlap.Problem}.", nameof(rates));
        Rows = rates;
        foreach (var rate in rates)
        {
            var key = (rate.Country.ToUpperInvariant(), TaxRateRules.RegionKey(rate.Region));
            if (!_rows.TryGetValue(key, out var rows)) _rows[key] = rows = [];
            rows.Add(rate);
        }
    }

    public IReadOnlyList<TaxRate> Rows { get; }

    /// <summary>The row in force on <paramref name="date"/> for (country, region), else for (country); null when neither has one.</summary>
    public TaxRate? Find(string country, string? region, DateOnly date)
    {
        var countryKey = country.ToUpperInvariant();
        var regionKey = TaxRateRules.RegionKey(region);
        return (regionKey.Length > 0 ? InForce((countryKey, regionKey), date) : null) ?? InForce((countryKey, ""), date);
    }

    private TaxRate? InForce((string, string) key, DateOnly date) =>
        _rows.TryGetValue(key, out var rows) ? rows.FirstOrDefault(r => r.IsInForceOn(date)) : null;
}
