using Prorata.Domain.Insight;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tests.Insight;

public class GrossProfitTests
{
    [Fact]
    public void Of_FullMonth_275_00Minus10x22_00x31Over31Is55_00()
    {
        var cost = GrossProfit.CostOfSeats(10, 22.00m, 31, 31);

        Assert.Equal(55.00m, GrossProfit.Of(275.00m, cost));
    }

    [Fact]
    public void Of_ProratedSeatAdd_CostIsExactAndOnlyTheResultIsRounded()
    {
        // 5 × 22.00 × 18/31 = 63.870967…; the line 5 × 23.76 × 18/31 = 68.98 (rounded); 68.98 − 63.870967… = 5.109032… → 5.11.
        var cost = GrossProfit.CostOfSeats(5, 22.00m, 18, 31);

        Assert.Equal(63.870967741935483870967741935m, cost); // 1980 ÷ 31 to decimal's 29 digits
        Assert.Equal(5.11m, Rounding.Customer(GrossProfit.Of(68.98m, cost), Currency.FromCode("USD")));
    }

    [Fact]
    public void Of_SeatReduction_BothAmountAndCostAreNegative()
    {
        // −4 × 12.50 × 27/31 = −43.55; cost −4 × 10.00 × 27/31 = −34.838709…; −43.55 + 34.838709… = −8.711290… → −8.71.
        var cost = GrossProfit.CostOfSeats(-4, 10.00m, 27, 31);

        Assert.Equal(-8.71m, Rounding.Customer(GrossProfit.Of(-43.55m, cost), Currency.FromCode("USD")));
    }

    [Fact]
    public void Of_UsageLine_AmountMinusItsRowsCost()
    {
        // 97.20 billed for rows costing 61.20 + 30.60 = 91.80.
        Assert.Equal(5.40m, GrossProfit.Of(97.20m, GrossProfit.CostOfUsage([61.20m, 30.60m])));
    }
}
