using Prorata.Domain.Tax;

namespace Prorata.Domain.Simulation;

/// <summary>
/// Reads a scenario's tax fields: <c>seller</c>, <c>taxRates</c> and a customer's <c>country</c>, <c>region</c>,
/// <c>taxId</c>, <c>taxExempt</c>. Every one is optional; tax is computed when the file names a seller, and a file
/// without one produces what it did before tax existed.
/// </summary>
internal static class ScenarioTaxJson
{
    public static ScenarioTax? Read(JsonField root)
    {
        var customers = new Dictionary<string, TaxParty>(StringComparer.Ordinal);
        foreach (var customer in root.Member("customers").Items(required: false))
            customers[customer.Member("id").String()] = ReadParty(customer, countryRequired: false);

        var rates = ReadRates(root.Member("taxRates"));
        var seller = root.Member("seller");
        if (seller.IsMissing)
        {
            // Rates without a seller would tax an EU partner's customers as if the partner were not in the EU.
            if (!root.Member("taxRates").IsMissing) throw seller.Error("is required with taxRates: the partner's country decides reverse charge and outside scope");
            return null;
        }
        return new ScenarioTax(ReadParty(seller, countryRequired: true) with { TaxExempt = false }, rates, customers);
    }

    private static TaxParty ReadParty(JsonField party, bool countryRequired)
    {
        var country = Code(countryRequired ? party.Member("country").String() : party.Member("country").OptionalString());
        if (country is not null && !TaxRateRules.IsCountryCode(country))
            throw party.Member("country").Error($"must be two letters (ISO 3166-1 alpha-2, e.g. FR); got '{country}'");
        var region = Code(party.Member("region").OptionalString());
        if (region is not null && !TaxRateRules.IsRegionCode(region))
            throw party.Member("region").Error($"must be 1 to 3 letters or digits (the subdivision of ISO 3166-2, e.g. WA); got '{region}'");
        var taxId = party.Member("taxId").OptionalString();
        if (taxId is not null && TaxIdFormat.Problem(country, taxId) is { } problem)
            throw party.Member("taxId").Error(problem);
        return new TaxParty(country ?? "", region, taxId is null ? null : TaxIdFormat.Normalize(country, taxId), party.Member("taxExempt").OptionalBool() ?? false);
    }

    private static TaxRateTable ReadRates(JsonField list)
    {
        var rows = new List<TaxRate>();
        foreach (var row in list.Items(required: false))
        {
            var country = Code(row.Member("country").String())!;
            var region = Code(row.Member("region").OptionalString());
            var rate = new TaxRate(country, region, row.Member("rate").Decimal(),
                row.Member("name").OptionalString() ?? (region is null ? country : $"{country}-{region}"),
                row.Member("effectiveFrom").OptionalDate() ?? DateOnly.MinValue,
                row.Member("effectiveTo").OptionalDate());
            if (TaxRateRules.Problems(rate).FirstOrDefault() is { Field: not null } first)
                throw row.Member(first.Field).Error(first.Problem);
            rows.Add(rate);
        }
        if (TaxRateRules.Overlap(rows) is { } overlap)
            throw new ScenarioFormatException($"{list.Path}[{overlap.Second}]", overlap.Problem);
        return new TaxRateTable(rows);
    }

    private static string? Code(string? text) => text?.Trim().ToUpperInvariant();
}
