using Prorata.Domain.Money;

namespace Prorata.Domain.Insight;

/// <summary>
/// A billed line is recognised day by day over its service days, and nothing of it before it is billed: the days
/// served before the document's date (arrears, a late adjustment) are recognised on that date. What is recognised by a
/// day is the line's amount × days served ÷ service days, rounded half away from zero to the currency's minor unit each
/// time from the exact fraction, so the months of a line add up to exactly its amount.
/// </summary>
public static class RevenueRecognition
{
    /// <summary>What of the line is recognised by the end of <paramref name="day"/>.</summary>
    public static decimal RecognisedBy(DeferredLine line, DateOnly day, Currency currency)
    {
        if (day < line.Billed) return 0m;
        if (day >= line.ServiceEnd) return line.Amount;
        var served = day.DayNumber - line.ServiceStart.DayNumber + 1;
        if (served <= 0) return 0m;
        var days = line.ServiceEnd.DayNumber - line.ServiceStart.DayNumber + 1;
        return Rounding.Customer(line.Amount * served / days, currency);
    }

    /// <summary>What is still deferred at the end of <paramref name="day"/>: billed by then and not yet recognised.</summary>
    public static decimal DeferredAt(DeferredLine line, DateOnly day, Currency currency) =>
        day < line.Billed ? 0m : line.Amount - RecognisedBy(line, day, currency);
}
