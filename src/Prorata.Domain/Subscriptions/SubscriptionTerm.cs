using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>
/// One term of a subscription. Its charge cycles start at <see cref="Anchor"/>.AddMonths(<see cref="OffsetMonths"/> + n × cycle):
/// the anchor is the subscription's original one (the purchase date, or the first of the purchase month when the end
/// date is aligned to the calendar month — then the first cycle is the tail of a full cycle, prorated over its days),
/// and the offset counts the months of the terms before this one.
/// <see cref="StartedAt"/> opens the 24-hour and 168-hour windows (purchase time, or 00:00 of the renewal date);
/// <see cref="Reference"/> is the ReferenceId of the term's purchase or renewal, which its cycle charges carry too.
/// </summary>
public sealed record SubscriptionTerm(
    int Index,
    Period Period,
    DateOnly Anchor,
    int OffsetMonths,
    TermDuration Term,
    BillingPlan Plan,
    DateTimeOffset StartedAt,
    string Reference)
{
    public int CycleMonths => (int)Plan;

    /// <summary>The full charge cycle that contains <paramref name="day"/>.</summary>
    public Period FullCycleContaining(DateOnly day) =>
        MonthArithmetic.Cycle(Anchor, OffsetMonths, CycleMonths, MonthArithmetic.CycleIndex(Anchor, OffsetMonths, CycleMonths, day));

    /// <summary>The charge cycle containing <paramref name="day"/>, clipped to the term.</summary>
    public Period CycleContaining(DateOnly day)
    {
        var full = FullCycleContaining(day);
        return new Period(full.Start < Period.Start ? Period.Start : full.Start, full.End > Period.End ? Period.End : full.End);
    }

    /// <summary>The term that starts on <paramref name="start"/>, <paramref name="offsetMonths"/> after the anchor.</summary>
    public static Period PeriodOf(DateOnly anchor, int offsetMonths, DateOnly start, TermDuration term) =>
        new(start, anchor.AddMonths(offsetMonths + (int)term).AddDays(-1));
}
