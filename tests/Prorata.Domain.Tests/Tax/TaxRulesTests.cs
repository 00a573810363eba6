using Prorata.Domain.Tax;

namespace Prorata.Domain.Tests.Tax;

public class TaxRulesTests
{
    private static readonly DateOnly InvoiceDate = new(2025, 3, 1);

    private static readonly TaxRateTable Table = new([
        new TaxRate("DE", null, 19m, "USt", DateOnly.MinValue, null),
        new TaxRate("FR", null, 20m, "TVA", DateOnly.MinValue, null),
        new TaxRate("US", "WA", 10.25m, "WA sales tax", DateOnly.MinValue, null),
        new TaxRate("GB", null, 20m, "VAT", DateOnly.MinValue, null),
    ]);

    private static TaxParty Party(string country, string? region = null, string? taxId = null, bool exempt = false) => new(country, region, taxId, exempt);

    [Theory]
    // (1) exempt wins over everything, even reverse charge and a row.
    [InlineData("DE", "DE", null, null, true, TaxTreatment.Exempt, null)]
    [InlineData("DE", "FR", null, "FR40303265045", true, TaxTreatment.Exempt, null)]
    // (2) EU seller, EU customer in another state, with a tax id.
    [InlineData("DE", "FR", null, "FR40303265045", false, TaxTreatment.ReverseCharge, null)]
    [InlineData("FR", "GR", null, "EL094259216", false, TaxTreatment.ReverseCharge, null)]
    // ... without a tax id: the customer's country row (a consumer), or none.
    [InlineData("DE", "FR", null, null, false, TaxTreatment.Standard, 20.0)]
    [InlineData("DE", "AT", null, null, false, TaxTreatment.NoRate, null)]
    // ... in the same state: domestic, a tax id changes nothing.
    [InlineData("DE", "DE", null, "DE811569869", false, TaxTreatment.Standard, 19.0)]
    // (3) EU seller, customer outside the EU, whatever rows the table has for it.
    [InlineData("DE", "US", "WA", null, false, TaxTreatment.OutsideScope, null)]
    [InlineData("DE", "GB", null, "GB123456789", false, TaxTreatment.OutsideScope, null)]
    // Northern Ireland follows GB for services: outside the EU for an EU seller.
    [InlineData("IE", "XI", null, "XI123456789", false, TaxTreatment.OutsideScope, null)]
    // (4) a seller outside the EU: the table decides, region row first.
    [InlineData("US", "US", "WA", null, false, TaxTreatment.Standard, 10.25)]
    [InlineData("US", "US", "OR", null, false, TaxTreatment.NoRate, null)]
    [InlineData("US", "FR", null, "FR40303265045", false, TaxTreatment.Standard, 20.0)]
    [InlineData("GB", "GB", null, null, false, TaxTreatment.Standard, 20.0)]
    // A customer whose country nobody recorded: noRate, never "outside the EU".
    [InlineData("DE", "", null, null, false, TaxTreatment.NoRate, null)]
    [InlineData("DE", "", null, null, true, TaxTreatment.Exempt, null)]
    public void Decide_FirstCaseThatApplies_GivesTreatmentAndRate(
        string seller, string country, string? region, string? taxId, bool exempt, TaxTreatment treatment, double? rate)
    {
        var decision = TaxRules.Decide(Party(seller), Party(country, region, taxId, exempt), Table, InvoiceDate);

        Assert.Equal(treatment, decision.Treatment);
        Assert.Equal(rate is null ? null : (decimal)rate, decision.Rate?.Rate);
    }

    [Fact]
    public void Decide_CountryCodesInLowerCase_AreTheSameCountries()
    {
        var decision = TaxRules.Decide(Party("de"), Party("fr", taxId: "FR40303265045"), Table, InvoiceDate);

        Assert.Equal(TaxTreatment.ReverseCharge, decision.Treatment);
    }

    [Fact]
    public void Decide_BlankTaxId_IsNoTaxId()
    {
        var decision = TaxRules.Decide(Party("DE"), Party("FR", taxId: "  "), Table, InvoiceDate);

        Assert.Equal((TaxTreatment.Standard, 20m), (decision.Treatment, decision.RatePercent));
    }

    [Theory]
    [InlineData(0.50, 0.10)]     // 0.095 → 0.10
    [InlineData(-0.50, -0.10)]   // a credit: −0.095 → −0.10
    [InlineData(137.50, 26.13)]  // 26.125 → 26.13 (banker's rounding would give 26.12)
    [InlineData(-137.50, -26.13)]
    [InlineData(33.33, 6.33)]    // 6.3327
    [InlineData(-33.33, -6.33)]
    [InlineData(0.02, 0.00)]     // 0.0038
    [InlineData(0, 0)]
    public void LineTax_NineteenPercentInEuro_RoundsHalfAwayFromZero(decimal amount, decimal tax)
    {
        var decision = TaxDecision.Standard(new TaxRate("DE", null, 19m, "USt", DateOnly.MinValue, null));

        Assert.Equal(tax, TaxRules.LineTax(amount, decision, Money.Currency.FromCode("EUR")));
    }

    [Theory]
    [InlineData("JPY", 1005, 10, 101)]       // 100.5 → 101, no minor units
    [InlineData("JPY", -1005, 10, -101)]
    [InlineData("BHD", 10.005, 10, 1.001)]   // 1.0005 → 1.001, three minor units
    [InlineData("USD", 343.00, 10.25, 35.16)] // 35.1575
    public void LineTax_RoundsToTheCurrencysMinorUnits(string currency, decimal amount, decimal rate, decimal tax)
    {
        var decision = TaxDecision.Standard(new TaxRate("XX", null, rate, "tax", DateOnly.MinValue, null));

        Assert.Equal(tax, TaxRules.LineTax(amount, decision, Money.Currency.FromCode(currency)));
    }

    [Theory]
    [InlineData(TaxTreatment.Exempt)]
    [InlineData(TaxTreatment.ReverseCharge)]
    [InlineData(TaxTreatment.OutsideScope)]
    [InlineData(TaxTreatment.NoRate)]
    public void LineTax_NoRate_IsZero(TaxTreatment treatment)
    {
        Assert.Equal(0m, TaxRules.LineTax(1234.56m, TaxDecision.Untaxed(treatment), Money.Currency.FromCode("EUR")));
    }

    [Fact]
    public void TaxDecision_StandardWithoutRate_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TaxDecision(TaxTreatment.Standard, null));
    }

    [Fact]
    public void TaxDecision_UntaxedWithRate_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TaxDecision(TaxTreatment.Exempt, new TaxRate("DE", null, 19m, "USt", DateOnly.MinValue, null)));
    }

    [Fact]
    public void EuMemberStates_AreTheTwentySeven_WithGreeceAsEl()
    {
        Assert.Equal(27, EuMemberStates.Codes.Count);
        Assert.Equal("EL", EuMemberStates.VatPrefix("GR"));
        Assert.Null(EuMemberStates.VatPrefix("XI"));
        Assert.False(EuMemberStates.Contains("GB"));
        Assert.False(EuMemberStates.Contains("CH"));
        Assert.True(EuMemberStates.Contains("HR"));
    }
}
