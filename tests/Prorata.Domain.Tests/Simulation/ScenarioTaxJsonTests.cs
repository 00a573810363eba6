using System.Text.Json;
using Prorata.Domain.Simulation;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Tests.Simulation;

public class ScenarioTaxJsonTests
{
    private const string Taxed = """
        {
          "seller": { "country": "DE", "region": null, "taxId": "DE811569869" },
          "taxRates": [ { "country": "DE", "rate": 19.0, "name": "USt", "effectiveTo": "2025-06-30" },
                        { "country": "DE", "rate": 16.0, "name": "USt", "effectiveFrom": "2025-07-01" } ],
          "priceList": [ { "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "unitPrice": 10, "currency": "EUR", "effectiveFrom": "2025-01-01", "publisher": "partner" } ],
          "customers": [ { "id": "c", "name": "C", "currency": "EUR", "country": "DE", "taxId": "DE 811 569 869" } ],
          "contracts": [ { "id": "K1", "customer": "c", "billingDay": 1, "pricing": [ { "productId": "*", "fixed": 0.50 } ] } ],
          "events": [ { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "quantity": 1 } ],
          "billUntil": "2025-02-01"
        }
        """;

    [Theory]
    [InlineData("\"seller\": { \"country\": \"DE\", \"region\": null, \"taxId\": \"DE811569869\" },", "", "seller: is required with taxRates: the partner's country decides reverse charge and outside scope")]
    [InlineData("\"seller\": { \"country\": \"DE\"", "\"seller\": { \"country\": \"Germany\"", "seller.country: must be two letters (ISO 3166-1 alpha-2, e.g. FR); got 'GERMANY'")]
    [InlineData("\"seller\": { \"country\": \"DE\", \"region\": null,", "\"seller\": {", "seller.country: is required")]
    [InlineData("\"taxId\": \"DE811569869\"", "\"taxId\": \"DE1234\"", "seller.taxId: must be a VAT number of DE: DE followed by 9 digits, e.g. DE811569869; got 'DE1234'")]
    [InlineData("\"taxId\": \"DE 811 569 869\"", "\"taxId\": \"FR1234\"", "customers[0].taxId: must be a VAT number of DE: DE followed by 9 digits, e.g. DE811569869; got 'FR1234'")]
    [InlineData("\"country\": \"DE\", \"taxId\": \"DE 811", "\"country\": \"DE\", \"region\": \"Bavaria\", \"taxId\": \"DE 811", "customers[0].region: must be 1 to 3 letters or digits (the subdivision of ISO 3166-2, e.g. WA); got 'BAVARIA'")]
    [InlineData("\"taxId\": \"DE 811 569 869\" }", "\"taxId\": \"DE 811 569 869\", \"taxExempt\": \"yes\" }", "customers[0].taxExempt: must be true or false; got \"yes\"")]
    [InlineData("\"rate\": 19.0", "\"rate\": 150", "taxRates[0].rate: must be between 0 and 100; got 150")]
    [InlineData("\"rate\": 19.0", "\"rate\": \"19 %\"", "taxRates[0].rate: must be a number; got \"19 %\"")]
    [InlineData("\"country\": \"DE\", \"rate\": 16.0", "\"country\": \"DEU\", \"rate\": 16.0", "taxRates[1].country: must be two upper-case letters (ISO 3166-1 alpha-2, e.g. DE); got 'DEU'")]
    [InlineData("\"effectiveTo\": \"2025-06-30\"", "\"effectiveFrom\": \"2025-07-01\", \"effectiveTo\": \"2025-06-30\"", "taxRates[0].effectiveTo: must be on or after effectiveFrom 2025-07-01; got 2025-06-30")]
    [InlineData("\"effectiveTo\": \"2025-06-30\"", "\"effectiveTo\": \"2025-07-01\"", "taxRates[1]: overlaps row 0 (DE 19.0 % from 0001-01-01 to 2025-07-01): both would apply on 2025-07-01")]
    public void Parse_MalformedTaxField_NamesTheFieldAndTheValue(string from, string to, string message)
    {
        var json = Taxed.Replace(from, to);
        Assert.NotEqual(Taxed, json);

        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioJson.Parse(json));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_TaxFields_ReadSellerRatesAndCustomer()
    {
        var tax = ScenarioJson.Parse(Taxed).Tax!;

        Assert.Equal(new TaxParty("DE", null, "DE811569869", false), tax.Seller);
        Assert.Equal(new TaxParty("DE", null, "DE811569869", false), tax.Customers["c"]);
        Assert.Equal(
            [new TaxRate("DE", null, 19.0m, "USt", DateOnly.MinValue, new DateOnly(2025, 6, 30)), new TaxRate("DE", null, 16.0m, "USt", new DateOnly(2025, 7, 1), null)],
            tax.Rates.Rows);
    }

    [Fact]
    public void Parse_RateRowWithoutName_IsNamedByItsPlace()
    {
        var json = Taxed.Replace("{ \"country\": \"DE\", \"rate\": 16.0, \"name\": \"USt\",", "{ \"country\": \"us\", \"region\": \"wa\", \"rate\": 10.25,");

        var rate = ScenarioJson.Parse(json).Tax!.Rates.Rows[1];

        Assert.Equal(("US", "WA", "US-WA"), (rate.Country, rate.Region, rate.Name));
    }

    [Fact]
    public void Parse_NoSellerNorRates_HasNoTaxEvenWithCustomerCountries()
    {
        var json = Taxed.Replace("\"seller\": { \"country\": \"DE\", \"region\": null, \"taxId\": \"DE811569869\" },", "")
            .Replace("\"taxRates\": [ { \"country\": \"DE\", \"rate\": 19.0, \"name\": \"USt\", \"effectiveTo\": \"2025-06-30\" },", "\"unused\": [")
            .Replace("{ \"country\": \"DE\", \"rate\": 16.0, \"name\": \"USt\", \"effectiveFrom\": \"2025-07-01\" } ],", "],");

        var scenario = ScenarioJson.Parse(json);
        var result = Simulator.Run(scenario);

        Assert.Null(scenario.Tax);
        Assert.Null(result.TaxedInvoices);
        using var written = JsonDocument.Parse(SimulationJson.Write(result));
        var invoice = written.RootElement.GetProperty("invoices")[0];
        Assert.Equal(1.00m, invoice.GetProperty("total").GetDecimal());
        Assert.False(invoice.TryGetProperty("taxTotal", out _));
        Assert.False(invoice.TryGetProperty("taxTreatment", out _));
        Assert.False(invoice.GetProperty("lines")[0].TryGetProperty("tax", out _));
    }

    [Fact]
    public void Write_TaxedScenario_WritesSubtotalTaxTotalTotalTreatmentAndLineTax()
    {
        // January and February, 0.50 each, at the 19 % in force on the invoice's date: 0.095 → 0.10 a line, 0.20 in all
        // (19 % of the 1.00 subtotal would be 0.19: tax is rounded per line).
        using var written = JsonDocument.Parse(SimulationJson.Write(Simulator.Run(ScenarioJson.Parse(Taxed))));

        var invoice = written.RootElement.GetProperty("invoices")[0];
        Assert.Equal(
            (1.00m, 0.20m, 1.20m, "standard", 19.0m, "USt"),
            (invoice.GetProperty("subtotal").GetDecimal(), invoice.GetProperty("taxTotal").GetDecimal(), invoice.GetProperty("total").GetDecimal(),
                invoice.GetProperty("taxTreatment").GetString(), invoice.GetProperty("taxRate").GetDecimal(), invoice.GetProperty("taxName").GetString()));
        Assert.Equal([0.10m, 0.10m], invoice.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("tax").GetDecimal()));
    }

    [Fact]
    public void Write_UntaxedTreatment_WritesNoRateNorName()
    {
        var json = Taxed.Replace("\"country\": \"DE\", \"taxId\": \"DE 811 569 869\"", "\"country\": \"FR\", \"taxId\": \"FR40303265045\"");

        using var written = JsonDocument.Parse(SimulationJson.Write(Simulator.Run(ScenarioJson.Parse(json))));

        var invoice = written.RootElement.GetProperty("invoices")[0];
        Assert.Equal(("reverseCharge", 0m), (invoice.GetProperty("taxTreatment").GetString(), invoice.GetProperty("taxTotal").GetDecimal()));
        Assert.False(invoice.TryGetProperty("taxRate", out _));
        Assert.False(invoice.TryGetProperty("taxName", out _));
    }
}
