using Prorata.Domain.Catalog;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tests.Catalog;

public class PricingStrategyTests
{
    private static readonly PricingRule[] Rules =
    [
        new("*", null, PricingMethod.MarkupOnCost, 20m),
        new("CFQ7TTC0LCHC", "0002", PricingMethod.DiscountOffErp, 10m),
        new("CFQ7TTC0LCHC", null, PricingMethod.FixedPrice, 30m),
    ];

    [Theory]
    [InlineData("CFQ7TTC0LCHC", "0002", PricingMethod.DiscountOffErp)]
    [InlineData("CFQ7TTC0LCHC", "0001", PricingMethod.FixedPrice)]
    [InlineData("CFQ7TTC0LDPB", "0001", PricingMethod.MarkupOnCost)]
    public void Match_SkuThenProductThenStar_MostSpecificWins(string product, string sku, PricingMethod expected)
    {
        Assert.Equal(expected, PricingStrategy.Match(Rules, product, sku)!.Method);
    }

    [Fact]
    public void Price_MarkupOnCost_RoundsHalfAwayFromZeroNotToEven()
    {
        // 10.08 × 1.2 = 12.096 → 12.10; 2.345 would be 2.34 under banker's rounding.
        Assert.Equal(12.10m, PricingStrategy.Price(Rules[0], 10.08m, null, Currency.FromCode("EUR")).PerCycle);
        Assert.Equal(2.35m, Rounding.Customer(2.345m, Currency.FromCode("USD")));
        Assert.Equal(-2.35m, Rounding.Customer(-2.345m, Currency.FromCode("USD")));
    }

    [Fact]
    public void Price_NoRule_BillsAtErpAndSaysSo()
    {
        var price = PricingStrategy.Price(null, 22m, 26.40m, Currency.FromCode("USD"));

        Assert.Equal(new CustomerPrice(26.40m, MissingStrategy: true), price);
    }
}
