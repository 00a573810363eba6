using Prorata.Domain.Money;

namespace Prorata.Domain.Insight;

/// <summary>
/// The deferred revenue schedule of the months <c>From</c>..<c>To</c> per legal entity and currency, built from every
/// billed line (<see cref="Add"/> each once, in any order): the opening balance of the first month is what lines billed
/// before it still defer at its start; each month then adds what was billed in it and takes off what was recognised in it
/// (<see cref="RevenueRecognition"/>). A line touches only the months from its billing to the end of its service, so a
/// schedule over a million lines costs about a million times the months a line spans.
/// </summary>
public sealed class DeferredRevenueSchedule
{
    private readonly DateOnly _from;
    private readonly DateOnly _to;
    private readonly int _months;
    private readonly Dictionary<(string LegalEntity, string Currency), Totals> _totals = [];
    private readonly Dictionary<string, Currency> _currencies = new(StringComparer.Ordinal);

    /// <param name="from">Any day of the first month.</param>
    /// <param name="to">Any day of the last month, not before <paramref name="from"/>'s month.</param>
    public DeferredRevenueSchedule(DateOnly from, DateOnly to)
    {
        _from = new DateOnly(from.Year, from.Month, 1);
        _to = new DateOnly(to.Year, to.Month, 1);
        if (_to < _from) throw new ArgumentOutOfRangeException(nameof(to), to, $"to must not be before from ({from:yyyy-MM}).");
        _months = MonthIndex(_to) + 1;
    }

    public void Add(DeferredLine line)
    {
        if (!_currencies.TryGetValue(line.Currency, out var currency))
            _currencies[line.Currency] = currency = Currency.FromCode(line.Currency);
        var key = (line.LegalEntity, line.Currency);
        if (!_totals.TryGetValue(key, out var totals)) _totals[key] = totals = new Totals(_months);

        totals.Opening += RevenueRecognition.DeferredAt(line, _from.AddDays(-1), currency);
        var billedMonth = MonthIndex(line.Billed);
        if (billedMonth >= 0 && billedMonth < _months) totals.Billed[billedMonth] += line.Amount;

        // Recognition moves only from the month it is billed to the month its service (or its billing, if later) ends.
        var lastDay = line.ServiceEnd > line.Billed ? line.ServiceEnd : line.Billed;
        var first = Math.Max(0, billedMonth);
        var last = Math.Min(_months - 1, MonthIndex(lastDay));
        if (first > last) return;
        var before = RevenueRecognition.RecognisedBy(line, _from.AddMonths(first).AddDays(-1), currency);
        for (var m = first; m <= last; m++)
        {
            var byEnd = RevenueRecognition.RecognisedBy(line, _from.AddMonths(m + 1).AddDays(-1), currency);
            totals.Recognised[m] += byEnd - before;
            before = byEnd;
        }
    }

    /// <summary>Every month of the range for each legal entity and currency that has a line, ordered by entity, currency and month.</summary>
    public IReadOnlyList<DeferredRevenueMonth> Months()
    {
        var rows = new List<DeferredRevenueMonth>(_totals.Count * _months);
        foreach (var ((entity, currency), totals) in _totals.OrderBy(t => t.Key.LegalEntity, StringComparer.Ordinal).ThenBy(t => t.Key.Currency, StringComparer.Ordinal))
        {
            var opening = totals.Opening;
            for (var m = 0; m < _months; m++)
            {
                var closing = opening + totals.Billed[m] - totals.Recognised[m];
                rows.Add(new DeferredRevenueMonth(entity, currency, _from.AddMonths(m), opening, totals.Billed[m], totals.Recognised[m], closing));
                opening = closing;
            }
        }
        return rows;
    }

    private int MonthIndex(DateOnly day) => (day.Year - _from.Year) * 12 + day.Month - _from.Month;

    private sealed class Totals(int months)
    {
        public decimal Opening { get; set; }

        public decimal[] Billed { get; } = new decimal[months];

        public decimal[] Recognised { get; } = new decimal[months];
    }
}
