using Prorata.Domain.Contracts;
using Prorata.Domain.Tax;

namespace Prorata.Domain.Tests.Tax;

public class TaxRateRulesTests
{
    private static readonly TaxRate Valid = new("DE", null, 19m, "USt", new DateOnly(2025, 1, 1), null);

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(10.25)]
    public void Problems_RateFromZeroToHundred_IsValid(decimal rate)
    {
        Assert.Empty(TaxRateRules.Problems(Valid with { Rate = rate }));
    }

    [Theory]
    [InlineData(150, "rate must be between 0 and 100; got 150.")]
    [InlineData(-0.5, "rate must be between 0 and 100; got -0.5.")]
    [InlineData(100.01, "rate must be between 0 and 100; got 100.01.")]
    public void Validate_RateOutsideZeroToHundred_IsRefused(decimal rate, string message)
    {
        var errors = new ValidationErrors();

        Assert.False(TaxRateRules.Validate(Valid with { Rate = rate }, errors));
        Assert.Equal([message], errors.ToDictionary()["rate"]);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("DEU")]
    [InlineData("D1")]
    [InlineData("")]
    public void Validate_CountryNotTwoUpperCaseLetters_IsRefused(string country)
    {
        var errors = new ValidationErrors();

        TaxRateRules.Validate(Valid with { Country = country }, errors);

        Assert.Equal([$"country must be two upper-case letters (ISO 3166-1 alpha-2, e.g. DE); got '{country}'."], errors.ToDictionary()["country"]);
    }

    [Fact]
    public void Validate_EffectiveToBeforeEffectiveFrom_IsRefused()
    {
        var errors = new ValidationErrors();

        TaxRateRules.Validate(Valid with { EffectiveTo = new DateOnly(2024, 12, 31) }, errors, prefix: "rates[2].");

        Assert.Equal(["effectiveTo must be on or after effectiveFrom 2025-01-01; got 2024-12-31."], errors.ToDictionary()["rates[2].effectiveTo"]);
    }

    [Fact]
    public void Validate_OneDayRow_IsValid()
    {
        Assert.True(TaxRateRules.Validate(Valid with { EffectiveTo = Valid.EffectiveFrom }, new ValidationErrors()));
    }

    [Fact]
    public void Validate_NoName_IsRefused()
    {
        var errors = new ValidationErrors();

        TaxRateRules.Validate(Valid with { Name = " " }, errors);

        Assert.Equal(["name is required (the tax's name as invoices print it, e.g. USt)."], errors.ToDictionary()["name"]);
    }

    [Fact]
    public void Validate_RegionOfFourCharacters_IsRefused()
    {
        var errors = new ValidationErrors();

        TaxRateRules.Validate(Valid with { Country = "US", Region = "WASH" }, errors);

        Assert.Equal(["region must be 1 to 3 upper-case letters or digits (the subdivision of ISO 3166-2, e.g. WA) or absent; got 'WASH'."], errors.ToDictionary()["region"]);
    }

    [Fact]
    public void Overlap_RowsThatTouchButDoNotShareADay_IsNone()
    {
        Assert.Null(TaxRateRules.Overlap([
            Valid with { EffectiveTo = new DateOnly(2025, 6, 30) },
            Valid with { Rate = 16m, EffectiveFrom = new DateOnly(2025, 7, 1) },
        ]));
    }

    [Fact]
    public void Overlap_TwoOpenRowsOfOneCountry_NamesBoth()
    {
        var overlap = TaxRateRules.Overlap([
            Valid,
            new TaxRate("FR", null, 20m, "TVA", DateOnly.MinValue, null),
            Valid with { Rate = 16m, EffectiveFrom = new DateOnly(2025, 7, 1) },
        ]);

        Assert.Equal((0, 2, "overlaps row 0 (DE 19 % from 2025-01-01 to open): both would apply on 2025-07-01"), overlap);
    }
}
