namespace PartnerCenterSimulator.Rules;

/// <summary>
/// Term and charge-cycle dates (§1.7): term end = AddMonths(start, months) − 1 day; cycle n starts at
/// AddMonths(termStart, n × cycleMonths), always from the original anchor, never chained. Ends are inclusive.
/// </summary>
public static class TermCalendar
{
    public static int TermMonths(string termDuration) => termDuration.ToUpperInvariant() switch
    {
        "P1M" => 1,
        "P1Y" => 12,
        "P3Y" => 36,
        _ => throw new ArgumentException($"Unknown term {termDuration}", nameof(termDuration)),
    };

    public static int CycleMonths(string billingCycle, string termDuration) => billingCycle.ToLowerInvariant() switch
    {
        "monthly" => 1,
        "annual" => 12,
        "triennial" => 36,
        _ => TermMonths(termDuration),
    };

    /// <summary>Legal term/plan pairs (§1.1).</summary>
    public static bool IsLegal(string termDuration, string billingCycle) =>
        (termDuration.ToUpperInvariant(), billingCycle.ToLowerInvariant()) is
            ("P1M", "monthly") or ("P1Y", "monthly") or ("P1Y", "annual")
            or ("P3Y", "monthly") or ("P3Y", "annual") or ("P3Y", "triennial");

    public static DateOnly TermEnd(DateOnly start, string termDuration) => start.AddMonths(TermMonths(termDuration)).AddDays(-1);

    public static DateOnly CycleStart(DateOnly termStart, int index, int cycleMonths) => termStart.AddMonths(index * cycleMonths);

    public static DateOnly CycleEnd(DateOnly termStart, int index, int cycleMonths) => CycleStart(termStart, index + 1, cycleMonths).AddDays(-1);

    public static int CycleIndexAt(DateOnly termStart, int cycleMonths, DateOnly date)
    {
        var index = 0;
        while (CycleStart(termStart, index + 1, cycleMonths) <= date)
        {
            index++;
        }
        return index;
    }

    public static int CyclesPerTerm(string termDuration, string billingCycle) =>
        TermMonths(termDuration) / CycleMonths(billingCycle, termDuration);

    public static string TermAndBillingCycle(string termDuration, string billingCycle)
    {
        var term = termDuration.ToUpperInvariant() switch
        {
            "P1M" => "One-Month commitment",
            "P1Y" => "One-Year commitment",
            _ => "Three-Year commitment",
        };
        var plan = billingCycle.ToLowerInvariant() switch
        {
            "monthly" => "monthly",
            "annual" => "yearly",
            _ => "triennial",
        };
        return $"{term} for {plan} billing";
    }
}
