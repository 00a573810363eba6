using Prorata.Domain.Money;

namespace Prorata.Domain.Insight;

/// <summary>
/// A rate table stated by whoever reads a report, to see figures of several currencies in one: units of
/// <see cref="Target"/> per 1 unit of each source currency (the target's own rate is 1). What it converts is labelled
/// converted and stands beside the per-currency figures, never in their place: billing never converts.
/// </summary>
public sealed class StatedRates
{
    private readonly Dictionary<string, decimal> _rates;

    /// <param name="rates">Rate per source currency code; each above 0. The target's own, when given, must be 1.</param>
    public StatedRates(Currency target, IReadOnlyDictionary<string, decimal> rates)
    {
        _rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { [target.Code] = 1m };
        foreach (var (code, rate) in rates)
        {
            if (rate <= 0) throw new ArgumentOutOfRangeException(nameof(rates), $"The rate of {code} must be above 0; got {rate}.");
            if (code == target.Code && rate != 1m) throw new ArgumentException($"The rate of {code} to itself is 1; got {rate}.", nameof(rates));
            _rates[code] = rate;
        }
        Target = target;
    }

    public Currency Target { get; }

    /// <summary>The rate of <paramref name="code"/>, or null when none was stated.</summary>
    public decimal? RateOf(string code) => _rates.TryGetValue(code, out var rate) ? rate : null;

    /// <summary>
    /// Σ amount × rate over the currencies, exact, then rounded once to the target's minor unit, half away from zero
    /// (billing-rules §1). Every currency must have a rate: ask <see cref="RateOf"/> first.
    /// </summary>
    public decimal Convert(IEnumerable<(string Currency, decimal Amount)> amounts)
    {
        var exact = 0m;
        foreach (var (code, amount) in amounts)
            exact += amount * (RateOf(code) ?? throw new InvalidOperationException($"No rate of {code} to {Target.Code} was stated."));
        return Rounding.Customer(exact, Target);
    }
}
