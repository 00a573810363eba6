namespace AvalaraSimulator.Tax;

/// <summary>
/// The simulator's map of places and their rates, replaceable through <c>PUT /_sim/jurisdictions</c>. An address is located
/// by country, region (when the jurisdiction has one) and postal code prefix; an address that matches nothing is one
/// AvaTax cannot place.
/// </summary>
public sealed class JurisdictionTable
{
    private volatile IReadOnlyList<Jurisdiction> _jurisdictions = Defaults;

    /// <summary>Seattle-like Washington (6.5 % state + 3.75 % local = 10.25 %), Oregon (no sales tax), California 7.25 %, Germany's and the UK's standard VAT.</summary>
    public static IReadOnlyList<Jurisdiction> Defaults { get; } =
    [
        new("US", "WA", ["980", "981", "982", "983", "984", "985", "986", "988", "989", "990", "991", "992", "993", "994"],
            [new("WA STATE TAX", "State", "WASHINGTON", 0.065m), new("WA CITY TAX", "City", "SEATTLE", 0.0375m)]),
        new("US", "OR", ["970", "971", "972", "973", "974", "975", "976", "977", "978", "979"], []),
        new("US", "CA", ["900", "901", "902", "903", "904", "905", "906", "907", "908", "910", "911", "912", "913", "914", "915", "916", "917", "918", "919",
                "920", "921", "922", "923", "924", "925", "926", "927", "928", "930", "931", "932", "933", "934", "935", "936", "937", "938", "939",
                "940", "941", "942", "943", "944", "945", "946", "947", "948", "949", "950", "951", "952", "953", "954", "955", "956", "957", "958",
                "959", "960", "961"],
            [new("CA STATE TAX", "State", "CALIFORNIA", 0.0725m)]),
        new("DE", null, [], [new("Standard Rate", "Country", "GERMANY", 0.19m)]),
        new("GB", null, [], [new("Standard Rate", "Country", "UNITED KINGDOM", 0.20m)]),
    ];

    public IReadOnlyList<Jurisdiction> All => _jurisdictions;

    public void Replace(IReadOnlyList<Jurisdiction> jurisdictions) => _jurisdictions = jurisdictions;

    public Jurisdiction? Locate(string? country, string? region, string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(country) || string.IsNullOrWhiteSpace(postalCode))
        {
            return null;
        }
        var postal = postalCode.Trim();
        return _jurisdictions.FirstOrDefault(j =>
            string.Equals(j.Country, country.Trim(), StringComparison.OrdinalIgnoreCase)
            && (j.Region is null || string.IsNullOrWhiteSpace(region) || string.Equals(j.Region, region.Trim(), StringComparison.OrdinalIgnoreCase))
            && (j.PostalCodePrefixes.Count == 0 || j.PostalCodePrefixes.Any(p => postal.StartsWith(p, StringComparison.OrdinalIgnoreCase))));
    }
}
