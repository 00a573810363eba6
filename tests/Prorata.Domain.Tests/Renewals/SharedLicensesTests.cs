using Prorata.Domain.Renewals;

namespace Prorata.Domain.Tests.Renewals;

/// <summary>
/// A tenant's Microsoft 365 E3 seats from a monthly subscription (10 seats, term ends 2026-03-31) and an annual one (50
/// seats, term ends 2026-09-30): the annual one is filled first, so the spare seats fall to the monthly one, renewing first.
/// </summary>
public sealed class SharedLicensesTests
{
    private static readonly LicenseHolder Monthly = new("monthly", 10, new(2026, 3, 31));
    private static readonly LicenseHolder Annual = new("annual", 50, new(2026, 9, 30));

    [Theory]
    [InlineData(45, 45, 0)]   // 45 fit on the annual seats: the monthly one's 10 are all spare
    [InlineData(55, 50, 5)]   // 50 annual, the 5 left on the monthly seats
    [InlineData(60, 50, 10)]
    [InlineData(70, 50, 20)]  // 10 over every seat: shown on the first renewal, which then renews as is
    [InlineData(0, 0, 0)]
    public void Split_TwoSubscriptionsOfOneSku_FilledFromTheLastToRenew(int assigned, int annual, int monthly) =>
        Assert.Equal(new Dictionary<string, int> { ["annual"] = annual, ["monthly"] = monthly }, SharedLicenses.Split(assigned, [Monthly, Annual]));

    [Fact]
    public void Split_SameTermEnd_LargerFilledFirstWhateverTheOrderGiven()
    {
        LicenseHolder small = new("a", 20, new(2026, 9, 30)), large = new("b", 30, new(2026, 9, 30));

        // 40 assigned: 30 on the larger, 10 on the smaller.
        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 30 }, SharedLicenses.Split(40, [small, large]));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 30 }, SharedLicenses.Split(40, [large, small]));
    }

    [Fact]
    public void Split_OneSubscription_AllItsAssignedLicenses() =>
        Assert.Equal(new Dictionary<string, int> { ["annual"] = 37 }, SharedLicenses.Split(37, [Annual]));
}
