using Prorata.Domain.Money;

namespace Prorata.Domain.Insight;

/// <summary>
/// The month ends seen so far of each customer and currency, so that each new month end's MRR gets its movement against
/// the one before (billing-rules §5). Month ends are recorded in order; before the first, MRR was 0.
/// </summary>
public sealed class MrrHistory
{
    private readonly Dictionary<(string Customer, string Currency), (decimal Last, bool AboveZeroBefore)> _seen = new();

    public MrrMovement Record(string customer, Currency currency, decimal mrr)
    {
        var key = (customer, currency.Code);
        var (last, aboveZero) = _seen.GetValueOrDefault(key);
        var movement = MonthlyRecurringRevenue.Movement(last, mrr, aboveZero);
        _seen[key] = (mrr, aboveZero || last > 0);
        return movement;
    }
}
