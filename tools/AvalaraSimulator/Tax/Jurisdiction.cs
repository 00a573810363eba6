namespace AvalaraSimulator.Tax;

/// <summary>
/// A place the simulator can locate: a country, optionally a region, and the postal code prefixes that belong to it (none:
/// every postal code of the country). Its rates all apply, each to the whole line.
/// </summary>
public sealed record Jurisdiction(string Country, string? Region, IReadOnlyList<string> PostalCodePrefixes, IReadOnlyList<JurisdictionRate> Rates);
