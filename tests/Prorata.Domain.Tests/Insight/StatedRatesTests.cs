using Prorata.Domain.Insight;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tests.Insight;

public class StatedRatesTests
{
    private static readonly Currency Eur = Currency.FromCode("EUR");

    [Fact]
    public void Convert_UsdAndGbpToEur_SumsExactlyAndRoundsOnce()
    {
        var rates = new StatedRates(Eur, new Dictionary<string, decimal> { ["USD"] = 0.92m, ["GBP"] = 1.17m });

        // 100.05 × 0.92 = 92.046; 10.01 × 1.17 = 11.7117; 50.00 × 1 = 50.00: Σ 153.7577 → 153.76.
        Assert.Equal(153.76m, rates.Convert([("USD", 100.05m), ("GBP", 10.01m), ("EUR", 50.00m)]));
    }

    [Fact]
    public void Convert_HalfCentsOfTwoCurrencies_AreNotRoundedOneByOne()
    {
        var rates = new StatedRates(Eur, new Dictionary<string, decimal> { ["USD"] = 0.5m, ["GBP"] = 0.5m });

        // 0.01 × 0.5 = 0.005 twice: Σ 0.01 exactly; rounding each first would give 0.01 + 0.01 = 0.02.
        Assert.Equal(0.01m, rates.Convert([("USD", 0.01m), ("GBP", 0.01m)]));
    }

    [Fact]
    public void Convert_ToJpy_RoundsToWholeYenHalfAwayFromZero()
    {
        var rates = new StatedRates(Currency.FromCode("JPY"), new Dictionary<string, decimal> { ["USD"] = 150.5m });

        // 10.01 × 150.5 = 1506.505 → 1507.
        Assert.Equal(1507m, rates.Convert([("USD", 10.01m)]));
    }

    [Fact]
    public void RateOf_TargetIsOneAndUnstatedIsNull()
    {
        var rates = new StatedRates(Eur, new Dictionary<string, decimal> { ["USD"] = 0.92m });

        Assert.Equal((1m, 0.92m, (decimal?)null), (rates.RateOf("EUR"), rates.RateOf("USD"), rates.RateOf("GBP")));
    }

    [Fact]
    public void Convert_CurrencyWithoutRate_Throws()
    {
        var rates = new StatedRates(Eur, new Dictionary<string, decimal> { ["USD"] = 0.92m });

        Assert.Equal("No rate of GBP to EUR was stated.", Assert.Throws<InvalidOperationException>(() => rates.Convert([("GBP", 1m)])).Message);
    }

    [Theory]
    [InlineData("USD", 0)]
    [InlineData("USD", -0.92)]
    [InlineData("EUR", 0.5)]
    public void New_RateNotAboveZeroOrTargetNotOne_Throws(string code, decimal rate)
    {
        Assert.ThrowsAny<ArgumentException>(() => new StatedRates(Eur, new Dictionary<string, decimal> { [code] = rate }));
    }
}
