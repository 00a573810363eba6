using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tests.Billing;

/// <summary>Microsoft's worked examples (microsoft-csp.md §8).</summary>
public class ProviderChargeCalculatorTests
{
    private static readonly Currency Eur = Currency.FromCode("EUR");
    private static readonly Period June20ToJuly17 = new(new DateOnly(2021, 6, 20), new DateOnly(2021, 7, 17));

    [Theory]
    [InlineData(10, -1, "-94.08")]
    [InlineData(12, 1, "112.89")]
    [InlineData(8, 1, "75.26")]
    public void Prorate_ConventionA_TruncatesTheLineOnce(int quantity, int sign, string total)
    {
        var (_, actual) = ProviderChargeCalculator.Prorate(10.08m, June20ToJuly17, 30, quantity, sign, Eur, ProviderRounding.TruncateLine);

        Assert.Equal(decimal.Parse(total), actual);
    }

    [Fact]
    public void Prorate_ConventionB_TruncatesThePerSeatPriceFirst()
    {
        var cancelled = new Period(new DateOnly(2021, 7, 17), new DateOnly(2021, 8, 14));

        var (unit, total) = ProviderChargeCalculator.Prorate(10.08m, cancelled, 31, 10, -1, Eur, ProviderRounding.TruncateUnit);

        Assert.Equal(-9.42m, unit);
        Assert.Equal(-94.20m, total);
    }

    [Fact]
    public void Prorate_RefundAndChargeOfOneSeatAdd_NetTo3484NotTheSingleLine3483()
    {
        var march14To31 = new Period(new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 31));
        var usd = Currency.FromCode("USD");

        var refund = ProviderChargeCalculator.Prorate(12m, march14To31, 31, 10, -1, usd, ProviderRounding.TruncateLine).Total;
        var charge = ProviderChargeCalculator.Prorate(12m, march14To31, 31, 15, 1, usd, ProviderRounding.TruncateLine).Total;

        Assert.Equal(34.84m, refund + charge);
    }

    [Fact]
    public void Prorate_JapaneseYen_TruncatesToWholeYen()
    {
        var (_, total) = ProviderChargeCalculator.Prorate(1000m, June20ToJuly17, 30, 1, 1, Currency.FromCode("JPY"), ProviderRounding.TruncateLine);

        Assert.Equal(933m, total);
    }
}
