namespace Prorata.Domain.Reconciliation;

/// <summary>
/// The revenue leak: what Microsoft charged the partner for a subscription and days that no customer invoice line
/// bills. Refunds are not revenue and are left out. <see cref="Total"/> is the figure to show first. Streaming like
/// <see cref="Matcher"/>: feed every recon line to <see cref="Check"/>, or call <see cref="Find"/> on a whole file.
/// </summary>
public sealed class UnbilledRevenue
{
    private readonly Dictionary<string, List<BilledPeriod>> billed = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<UnbilledCharge> charges = [];
    private readonly bool keepCharges;

    /// <param name="customerLines">The periods customers were billed for.</param>
    /// <param name="keepCharges">
    /// False for a caller that stores each charge <see cref="Check"/> returns: <see cref="Charges"/> stays empty, so a
    /// file of millions of unbilled lines is not held in memory (only <see cref="Total"/> and <see cref="Count"/> are kept).
    /// </param>
    public UnbilledRevenue(IEnumerable<BilledPeriod> customerLines, bool keepCharges = true)
    {
        this.keepCharges = keepCharges;
        foreach (var period in customerLines)
        {
            if (!billed.TryGetValue(period.Subscription, out var periods))
            {
                billed[period.Subscription] = periods = [];
            }
            periods.Add(period);
        }
    }

    public IReadOnlyList<UnbilledCharge> Charges => charges;

    public decimal Total { get; private set; }

    public int Count { get; private set; }

    public static UnbilledRevenue Find(IEnumerable<ReconLine> microsoftCharges, IEnumerable<BilledPeriod> customerLines)
    {
        var unbilled = new UnbilledRevenue(customerLines);
        foreach (var line in microsoftCharges)
        {
            unbilled.Check(line);
        }
        return unbilled;
    }

    /// <summary>Records and returns the unbilled part of one Microsoft line, or null when customers are billed for all of it.</summary>
    public UnbilledCharge? Check(ReconLine line)
    {
        if (line.Subtotal <= 0m)
        {
            return null;
        }
        var days = line.ChargeEndDate.DayNumber - line.ChargeStartDate.DayNumber + 1;
        var uncovered = days - CoveredDays(line, billed.GetValueOrDefault(line.SubscriptionId));
        if (uncovered == 0)
        {
            return null;
        }
        var charge = new UnbilledCharge(line, uncovered, Math.Round(line.Subtotal * uncovered / days, 2, MidpointRounding.AwayFromZero));
        if (keepCharges)
        {
            charges.Add(charge);
        }
        Total += charge.Amount;
        Count++;
        return charge;
    }

    // Days of [start, end] inside at least one billed period; periods may overlap, so days are marked, not summed.
    private static int CoveredDays(ReconLine line, List<BilledPeriod>? periods)
    {
        if (periods is null)
        {
            return 0;
        }
        var start = line.ChargeStartDate.DayNumber;
        var covered = new bool[line.ChargeEndDate.DayNumber - start + 1];
        var count = 0;
        foreach (var period in periods)
        {
            var from = Math.Max(period.Start.DayNumber, start) - start;
            var to = Math.Min(period.End.DayNumber, line.ChargeEndDate.DayNumber) - start;
            for (var day = from; day <= to; day++)
            {
                if (!covered[day])
                {
                    covered[day] = true;
                    count++;
                }
            }
        }
        return count;
    }
}
