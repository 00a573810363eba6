namespace Prorata.Domain.Calendar;

/// <summary>
/// A billing contract's month: [billingDay, day before the next billingDay]. Billing days are 1..28,
/// so no clamping is ever needed.
/// </summary>
public static class ContractMonth
{
    public static Period Containing(DateOnly day, int billingDay)
    {
        var start = day.Day >= billingDay
            ? new DateOnly(day.Year, day.Month, billingDay)
            : new DateOnly(day.Year, day.Month, 1).AddMonths(-1).AddDays(billingDay - 1);
        return new Period(start, start.AddMonths(1).AddDays(-1));
    }
}
