namespace Prorata.Domain.Reconciliation;

/// <summary>
/// The revenue leak: what Microsoft charged the partner for a subscription and days that no customer invoice line
/// bills. Refunds are not revenue and are left out. <see cref="Total"/> is the figure to show first.
/// </summary>
public sealed class UnbilledRevenue
{
    private UnbilledRevenue(IReadOnlyList<UnbilledCharge> charges, decimal total)
    {
        Charges = charges;
        Total = total;
    }

    public IReadOnlyList<UnbilledCharge> Charges { get; }

    public decimal Total { get; }

    public static UnbilledRevenue Find(IEnumerable<ReconLine> microsoftCharges, IEnumerable<BilledPeriod> customerLines)
    {
        var billed = new Dictionary<string, List<BilledPeriod>>(StringComparer.OrdinalIgnoreCase);
        foreach (var period in customerLines)
        {
            if (!billed.TryGetValue(period.Subscription, out var periods))
            {
                billed[period.Subscription] = periods = [];
            }
            periods.Add(period);
        }

        var charges = new List<UnbilledCharge>();
        var total = 0m;
        foreach (var line in microsoftCharges)
        {
            if (line.Subtotal <= 0m)
            {
                continue;
            }
            var days = line.ChargeEndDate.DayNumber - line.ChargeStartDate.DayNumber + 1;
            var uncovered = days - CoveredDays(line, billed.GetValueOrDefault(line.SubscriptionId));
            if (uncovered == 0)
            {
                continue;
            }
            var amount = Math.Round(line.Subtotal * uncovered / days, 2, MidpointRounding.AwayFromZero);
            charges.Add(new UnbilledCharge(line, uncovered, amount));
            total += amount;
        }
        return new UnbilledRevenue(charges, total);
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
