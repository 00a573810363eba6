using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Insight;

/// <summary>
/// The Azure usage reported beside MRR (billing-rules §5): one plan's rows of a calendar month, priced by the contract
/// exactly as its usage line is (billing-rules §4: the month's cost and retail summed, then priced once and rounded).
/// </summary>
public static class UsageRevenue
{
    /// <param name="month">Any day of the month.</param>
    /// <param name="rule">The contract's pricing rule for the plan; null bills at retail, like the invoice.</param>
    public static decimal OfMonth(IEnumerable<UsageRecord> rows, DateOnly month, PricingRule? rule, Currency currency)
    {
        var first = MonthArithmetic.FirstOfMonth(month);
        decimal cost = 0m, retail = 0m;
        var any = false;
        foreach (var row in rows)
        {
            if (MonthArithmetic.FirstOfMonth(row.Date) != first) continue;
            cost += row.Cost;
            retail += row.Retail;
            any = true;
        }
        return any ? PricingStrategy.Price(rule, cost, retail, currency).PerCycle : 0m;
    }
}
