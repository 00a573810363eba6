namespace Prorata.Domain.Calendar;

/// <summary>
/// Month arithmetic from an original anchor (billing-rules.md §1): cycle n starts at anchor.AddMonths(n)
/// with end-of-month clamping, never by chaining AddMonths from the previous cycle
/// (31 Jan → 28 Feb → 31 Mar, not → 28 Mar).
/// </summary>
public static class MonthArithmetic
{
    /// <summary>
    /// The n-th cycle of <paramref name="cycleMonths"/> months counted from <paramref name="offsetMonths"/> months after
    /// <paramref name="anchor"/>: renewals keep the subscription's original anchor, so a term bought on 31 Jan renews
    /// on 28 Feb and then on 31 Mar.
    /// </summary>
    public static Period Cycle(DateOnly anchor, int offsetMonths, int cycleMonths, int n) =>
        new(anchor.AddMonths(offsetMonths + n * cycleMonths), anchor.AddMonths(offsetMonths + (n + 1) * cycleMonths).AddDays(-1));

    /// <summary>The index of the cycle (as in <see cref="Cycle"/>) that contains <paramref name="day"/>; 0 for days before the first.</summary>
    public static int CycleIndex(DateOnly anchor, int offsetMonths, int cycleMonths, DateOnly day)
    {
        var months = (day.Year - anchor.Year) * 12 + day.Month - anchor.Month - offsetMonths;
        var n = Math.Max(0, months / cycleMonths);
        while (n > 0 && anchor.AddMonths(offsetMonths + n * cycleMonths) > day) n--;
        while (anchor.AddMonths(offsetMonths + (n + 1) * cycleMonths) <= day) n++;
        return n;
    }

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly LastOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
}
