using Prorata.Domain.Calendar;

namespace Prorata.Domain.Tests.Calendar;

public class MonthArithmeticTests
{
    [Theory]
    [InlineData("2021-01-31", 0, "2021-01-31", "2021-02-27")]
    [InlineData("2021-01-31", 1, "2021-02-28", "2021-03-30")]
    [InlineData("2021-01-31", 2, "2021-03-31", "2021-04-29")]
    [InlineData("2021-01-31", 3, "2021-04-30", "2021-05-30")]
    [InlineData("2021-01-31", 11, "2021-12-31", "2022-01-30")]
    [InlineData("2024-01-30", 1, "2024-02-29", "2024-03-29")]
    [InlineData("2021-06-18", 0, "2021-06-18", "2021-07-17")]
    public void Cycle_FromOriginalAnchor_ClampsMonthEndWithoutChaining(string anchor, int n, string start, string end)
    {
        var cycle = MonthArithmetic.Cycle(DateOnly.Parse(anchor), 0, 1, n);

        Assert.Equal(new Period(DateOnly.Parse(start), DateOnly.Parse(end)), cycle);
    }

    [Theory]
    [InlineData("2021-01-31", "2021-02-27", 0)]
    [InlineData("2021-01-31", "2021-02-28", 1)]
    [InlineData("2021-01-31", "2021-03-30", 1)]
    [InlineData("2021-01-31", "2021-03-31", 2)]
    [InlineData("2025-02-10", "2026-02-09", 11)]
    public void CycleIndex_DayInCycle_FindsThatCycle(string anchor, string day, int expected)
    {
        Assert.Equal(expected, MonthArithmetic.CycleIndex(DateOnly.Parse(anchor), 0, 1, DateOnly.Parse(day)));
    }

    [Fact]
    public void Cycle_AnnualWithOffset_CountsFromTheOriginalAnchor()
    {
        var secondTermFirstYear = MonthArithmetic.Cycle(new DateOnly(2024, 2, 29), 12, 12, 0);

        Assert.Equal(new Period(new DateOnly(2025, 2, 28), new DateOnly(2026, 2, 27)), secondTermFirstYear);
    }

    [Theory]
    [InlineData("2025-03-14", 1, "2025-03-01", "2025-03-31")]
    [InlineData("2025-03-14", 15, "2025-02-15", "2025-03-14")]
    [InlineData("2025-03-15", 15, "2025-03-15", "2025-04-14")]
    [InlineData("2024-02-10", 28, "2024-01-28", "2024-02-27")]
    public void ContractMonth_Containing_RunsFromBillingDayToTheDayBeforeTheNext(string day, int billingDay, string start, string end)
    {
        Assert.Equal(new Period(DateOnly.Parse(start), DateOnly.Parse(end)), ContractMonth.Containing(DateOnly.Parse(day), billingDay));
    }

    [Fact]
    public void Period_Days_CountsBothEnds()
    {
        Assert.Equal(18, new Period(new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 31)).Days);
    }
}
