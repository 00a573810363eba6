namespace Prorata.Domain.Calendar;

/// <summary>
/// Month arithmetic from an original anchor (billing-rules.md §1): cycle n starts at anchor.AddMonths(n)
/// with end-of-month clamping, never by chaining AddMonths from the previous cycle
/// (31 Jan → 28 Feb → 31 Mar, not → 28 Mar).
/// </summary>
public static class MonthArithmetic
{
    /// <summary>The n-th cycle of <paramref name="cycleMonths"/> months counted from <paramref name="anchor"/>.</summary>
    public static Period Cycle(DateOnly anchor, int cycleMonths, int n) =>
        new(anchor.AddMonths(n * cycleMonths), anchor.AddMonths((n + 1) * cycleMonths).AddDays(-1));

    /// <summary>The index of the cycle anchored at <paramref name="anchor"/> that contains <paramref name="day"/> (day ≥ anchor).</summary>
    public static int CycleIndex(DateOnly anchor, int cycleMonths, DateOnly day)
    {
        var months = (day.Year - anchor.Year) * 12 + day.Month - anchor.Month;
        var n = Math.Max(0, months / cycleMonths);
        while (n > 0 && anchor.AddMonths(n * cycleMonths) > day) n--;
        while (anchor.AddMonths((n + 1) * cycleMonths) <= day) n++;
        return n;
    }

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly LastOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
}
