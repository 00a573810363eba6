using Prorata.Domain.Insight;

namespace Prorata.Domain.Tests.Insight;

public sealed class MarginFloorTests
{
    private static readonly IReadOnlyList<MarginFloor> Floors = [new("*", 5m), new("CFQ7TTC0LH18", 12.5m)];

    [Fact]
    public void For_TheProductsOwnFloorBeforeThePartners()
    {
        Assert.Equal(12.5m, MarginFloor.For(Floors, "cfq7ttc0lh18")!.Percent);
        Assert.Equal(5m, MarginFloor.For(Floors, "CFQ7TTC0LDPB")!.Percent);
        Assert.Null(MarginFloor.For([new MarginFloor("CFQ7TTC0LH18", 10m)], "CFQ7TTC0LDPB"));
    }

    [Fact]
    public void Shortfall_LineUnderCostPlusFloor_IsWhatItMisses()
    {
        // 5 seats at cost 22.00 = 110.00; floor 5 % → at least 115.50. A line of 5 × 23.00 = 115.00 misses 0.50.
        Assert.Equal(0.50m, new MarginFloor("*", 5m).Shortfall(115.00m, 110.00m));
        // Exactly at the floor is fine; above it too.
        Assert.Null(new MarginFloor("*", 5m).Shortfall(115.50m, 110.00m));
        Assert.Null(new MarginFloor("*", 5m).Shortfall(137.50m, 110.00m));
    }

    [Fact]
    public void Shortfall_ZeroFloor_CatchesALineSoldBelowCost()
    {
        // A stacked promotion: 100.00 billed against a cost of 110.00 → 10.00 short of cost.
        Assert.Equal(10.00m, new MarginFloor("*", 0m).Shortfall(100.00m, 110.00m));
        Assert.Null(new MarginFloor("*", 0m).Shortfall(110.00m, 110.00m));
    }

    [Fact]
    public void Shortfall_NoSaleOrNoKnownCost_IsNeverUnderTheFloor()
    {
        var floor = new MarginFloor("*", 5m);
        Assert.Null(floor.Shortfall(-55.00m, -44.00m));
        Assert.Null(floor.Shortfall(0m, 10m));
        Assert.Null(floor.Shortfall(50m, null));
        Assert.Null(floor.Shortfall(50m, 0m));
    }
}
