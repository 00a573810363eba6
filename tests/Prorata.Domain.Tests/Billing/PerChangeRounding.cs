using Prorata.Domain.Billing;

namespace Prorata.Domain.Tests.Billing;

/// <summary>
/// How far billing every date may be from billing only the last one: each change item of a period billed in advance
/// is a line of its own, and where that period is prorated (days ≠ period days) it rounds on its own, by up to half a
/// cent, where a run that did not bill ahead has one base line.
/// </summary>
public static class PerChangeRounding
{
    public static decimal Tolerance(IEnumerable<Invoice> everyDate) =>
        0.01m * everyDate.SelectMany(i => i.Lines).Count(l => l.Origin is { } key && key.From == key.PeriodStart
            && key.Source is not (BillingItemKey.Base or BillingItemKey.Usage or BillingItemKey.Rollout) && l.Days != l.PeriodDays);
}
