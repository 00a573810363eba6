using Prorata.Domain.Catalog;

namespace Prorata.Domain.Tests.Catalog;

public class PriceListTests
{
    private static readonly PriceListRow Locked = new("CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", TermDuration.P1Y, BillingPlan.Monthly,
        264.00m, 316.80m, "USD", new DateOnly(2024, 1, 1), null);

    [Fact]
    public void CustomerRow_TwoListsRolledOutTheSameDay_TheLaterListWins()
    {
        // Listed in the order the CI's random timeline (seed dNy8lGYJRQW1) produced: the older list first.
        var march = Locked with { UnitPrice = 334m, EffectiveFrom = new DateOnly(2025, 3, 17), CustomerPriceFrom = new DateOnly(2025, 4, 4) };
        var april = Locked with { UnitPrice = 295m, EffectiveFrom = new DateOnly(2025, 4, 2), CustomerPriceFrom = new DateOnly(2025, 4, 4) };
        var prices = new PriceList([Locked, march, april]);

        Assert.Same(Locked, prices.CustomerRow(Locked, new DateOnly(2025, 4, 3)));
        Assert.Equal(295m, prices.CustomerRow(Locked, new DateOnly(2025, 4, 4)).UnitPrice);
        Assert.Equal([new DateOnly(2025, 4, 4)], prices.RolloutDays(Locked, new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 1)));
    }
}
