using Prorata.Domain.Receivables;

namespace Prorata.Domain.Tests.Receivables;

public class DunningPolicyTests
{
    [Fact]
    public void HoldFrom_MidnightUtcOfDuePlusHoldDays()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero), DunningPolicy.Of([], 14).HoldFrom(new DateOnly(2025, 2, 28)));
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 0, 0, 0, TimeSpan.Zero), DunningPolicy.Of([], 0).HoldFrom(new DateOnly(2025, 2, 28)));
        Assert.Null(DunningPolicy.Of([1, 7], null).HoldFrom(new DateOnly(2025, 2, 28)));
        Assert.Null(DunningPolicy.None.HoldFrom(new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void Reminders_InOrderOfDays_AtMidnightUtc()
    {
        var policy = DunningPolicy.Of([14, 1, 7], 30);

        Assert.Equal([1, 7, 14], policy.RemindAfterDays);
        Assert.Equal([
                (1, new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)),
                (7, new DateTimeOffset(2025, 2, 7, 0, 0, 0, TimeSpan.Zero)),
                (14, new DateTimeOffset(2025, 2, 14, 0, 0, 0, TimeSpan.Zero)),
            ],
            policy.Reminders(new DateOnly(2025, 1, 31)));
        Assert.Empty(DunningPolicy.None.Reminders(new DateOnly(2025, 1, 31)));
    }

    [Theory]
    [InlineData(new[] { -1 }, null, "remindAfterDays: each day must be between 0 and 365; got -1")]
    [InlineData(new[] { 1, 366 }, null, "remindAfterDays: each day must be between 0 and 365; got 366")]
    [InlineData(new[] { 7, 1, 7 }, null, "remindAfterDays: 7 is listed twice")]
    [InlineData(new int[0], -1, "holdAfterDays: must be between 0 and 365; got -1")]
    [InlineData(new[] { 1 }, 366, "holdAfterDays: must be between 0 and 365; got 366")]
    public void Problem_NamesTheValue(int[] remindAfterDays, int? holdAfterDays, string problem)
    {
        Assert.Equal(problem, DunningPolicy.Problem(remindAfterDays, holdAfterDays));
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 0, 365 }, 0)]
    [InlineData(new[] { 1, 7, 14 }, 365)]
    public void Problem_BoundsIncluded_IsNone(int[] remindAfterDays, int? holdAfterDays)
    {
        Assert.Null(DunningPolicy.Problem(remindAfterDays, holdAfterDays));
    }
}
