using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>
/// One term of a subscription. Charge cycles are counted from <see cref="CycleAnchor"/> by AddMonths; the anchor is
/// the term start, or the first of the purchase month when the end date is aligned to the calendar month
/// (then the first cycle is the tail of a full cycle and is prorated over that full cycle's days).
/// <see cref="StartedAt"/> opens the 24-hour and 168-hour windows (purchase time, or 00:00 of the renewal date).
/// </summary>
public sealed record SubscriptionTerm(
    int Index,
    Period Period,
    DateOnly CycleAnchor,
    TermDuration Term,
    BillingPlan Plan,
    DateTimeOffset StartedAt)
{
    public int CycleMonths => (int)Plan;

    /// <summary>The full charge cycle (from the anchor) that contains <paramref name="day"/>.</summary>
    public Period FullCycleContaining(DateOnly day) =>
        MonthArithmetic.Cycle(CycleAnchor, CycleMonths, MonthArithmetic.CycleIndex(CycleAnchor, CycleMonths, day));

    /// <summary>The charge cycle containing <paramref name="day"/>, clipped to the term.</summary>
    public Period CycleContaining(DateOnly day)
    {
        var full = FullCycleContaining(day);
        return new Period(full.Start < Period.Start ? Period.Start : full.Start, full.End > Period.End ? Period.End : full.End);
    }

    public static Period PeriodOf(DateOnly anchor, DateOnly start, TermDuration term) =>
        new(start, anchor.AddMonths((int)term).AddDays(-1));
}
