using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Insight;

public class UsageRevenueTests
{
    private static readonly UsageRecord[] Rows =
    [
        new(new DateOnly(2025, 2, 28), "VM", 10.00m, 12.00m),
        new(new DateOnly(2025, 3, 3), "VM", 40.00m, 55.00m),
        new(new DateOnly(2025, 3, 31), "Storage", 60.00m, 80.00m),
        new(new DateOnly(2025, 4, 1), "VM", 80.00m, 100.00m),
    ];

    [Fact]
    public void OfMonth_MarkupOnCost_TheMonthsCostSummedThenPricedOnce()
    {
        var rule = new PricingRule("*", null, PricingMethod.MarkupOnCost, 25m);

        // March: (40.00 + 60.00) × 1.25 = 125.00; the rows of 28 Feb and 1 Apr are other months.
        Assert.Equal(125.00m, UsageRevenue.OfMonth(Rows, new DateOnly(2025, 3, 15), rule, Currency.FromCode("USD")));
    }

    [Fact]
    public void OfMonth_NoRule_RetailLikeTheInvoice()
    {
        // March retail 55.00 + 80.00 = 135.00.
        Assert.Equal(135.00m, UsageRevenue.OfMonth(Rows, new DateOnly(2025, 3, 1), null, Currency.FromCode("USD")));
    }

    [Fact]
    public void OfMonth_NoRowThatMonth_Zero()
    {
        Assert.Equal(0m, UsageRevenue.OfMonth(Rows, new DateOnly(2025, 5, 1), null, Currency.FromCode("USD")));
    }
}
