using Prorata.Domain.Tax;

namespace Prorata.Domain.Tests.Tax;

public class TaxRateTableTests
{
    // Germany's temporary cut: 19 % to 2020-06-30, 16 % for the second half of 2020, 19 % again from 2021-01-01.
    private static readonly TaxRateTable German = new([
        new TaxRate("DE", null, 19m, "USt", DateOnly.MinValue, new DateOnly(2020, 6, 30)),
        new TaxRate("DE", null, 16m, "USt", new DateOnly(2020, 7, 1), new DateOnly(2020, 12, 31)),
        new TaxRate("DE", null, 19m, "USt", new DateOnly(2021, 1, 1), null),
    ]);

    [Theory]
    [InlineData("2020-06-01", 19)]
    [InlineData("2020-06-30", 19)]  // the last day of a row is in force (inclusive end)
    [InlineData("2020-07-01", 16)]  // the first day of the next
    [InlineData("2020-12-31", 16)]
    [InlineData("2021-01-01", 19)]
    [InlineData("2030-01-01", 19)]  // an open end
    public void Find_RateChangeMidYear_UsesTheRowInForceOnTheInvoiceDate(string invoiceDate, decimal rate)
    {
        Assert.Equal(rate, German.Find("DE", null, DateOnly.Parse(invoiceDate))?.Rate);
    }

    [Fact]
    public void Find_GapBetweenRows_IsNoRow()
    {
        var table = new TaxRateTable([new TaxRate("CH", null, 8.1m, "MWST", new DateOnly(2024, 1, 1), null)]);

        Assert.Null(table.Find("CH", null, new DateOnly(2023, 12, 31)));
        Assert.Equal(8.1m, table.Find("CH", null, new DateOnly(2024, 1, 1))?.Rate);
    }

    [Fact]
    public void Find_RegionRow_WinsOverTheCountryRow()
    {
        var table = new TaxRateTable([
            new TaxRate("US", null, 0m, "No state tax", DateOnly.MinValue, null),
            new TaxRate("US", "WA", 10.25m, "WA sales tax", DateOnly.MinValue, null),
        ]);

        Assert.Equal(10.25m, table.Find("US", "WA", new DateOnly(2025, 1, 1))?.Rate);
        Assert.Equal(0m, table.Find("US", "OR", new DateOnly(2025, 1, 1))?.Rate);
        Assert.Equal(0m, table.Find("US", null, new DateOnly(2025, 1, 1))?.Rate);
    }

    [Fact]
    public void Find_RegionRowNotYetInForce_FallsBackToTheCountryRow()
    {
        var table = new TaxRateTable([
            new TaxRate("CA", null, 5m, "GST", DateOnly.MinValue, null),
            new TaxRate("CA", "ON", 13m, "HST", new DateOnly(2025, 7, 1), null),
        ]);

        Assert.Equal(5m, table.Find("CA", "ON", new DateOnly(2025, 6, 30))?.Rate);
        Assert.Equal(13m, table.Find("CA", "ON", new DateOnly(2025, 7, 1))?.Rate);
    }

    [Fact]
    public void Find_RegionRowOnly_DoesNotApplyToACustomerWithoutRegion()
    {
        var table = new TaxRateTable([new TaxRate("US", "WA", 10.25m, "WA sales tax", DateOnly.MinValue, null)]);

        Assert.Null(table.Find("US", null, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Find_CodesInAnyCase_MatchTheRow()
    {
        var table = new TaxRateTable([new TaxRate("US", "WA", 10.25m, "WA sales tax", DateOnly.MinValue, null)]);

        Assert.Equal(10.25m, table.Find("us", "wa", new DateOnly(2025, 1, 1))?.Rate);
    }

    [Fact]
    public void New_OverlappingRowsOfOnePlace_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new TaxRateTable([
            new TaxRate("DE", null, 19m, "USt", DateOnly.MinValue, new DateOnly(2025, 7, 1)),
            new TaxRate("DE", null, 16m, "USt", new DateOnly(2025, 7, 1), null),
        ]));

        Assert.StartsWith("Tax rate row 1 overlaps row 0 (DE 19 % from 0001-01-01 to 2025-07-01): both would apply on 2025-07-01.", error.Message);
    }

    [Fact]
    public void New_CountryRowAndRegionRow_DoNotOverlap()
    {
        var table = new TaxRateTable([
            new TaxRate("US", null, 0m, "No state tax", DateOnly.MinValue, null),
            new TaxRate("US", "WA", 10.25m, "WA sales tax", DateOnly.MinValue, null),
        ]);

        Assert.Equal(2, table.Rows.Count);
    }
}
