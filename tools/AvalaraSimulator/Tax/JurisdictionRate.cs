namespace AvalaraSimulator.Tax;

/// <summary>One tax of a jurisdiction: its name as AvaTax prints it ("WA STATE TAX"), its level (State, County, City, Special, Country) and a fractional rate (0.065).</summary>
public sealed record JurisdictionRate(string TaxName, string JurisType, string JurisName, decimal Rate);
