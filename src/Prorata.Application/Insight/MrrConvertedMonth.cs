namespace Prorata.Application.Insight;

/// <summary>
/// One month's totals of every currency converted into <see cref="Currency"/> at the rates stated by the reader
/// (<see cref="Rates"/>: those of the currencies that month has, units of the target per 1 unit of each), each figure
/// Σ amount × rate rounded once; ARR = 12 × the converted MRR and margin = converted MRR − converted cost. Labelled
/// converted: it stands beside the per-currency totals, never in their place.
/// </summary>
public sealed record MrrConvertedMonth(string Month, string Currency, IReadOnlyDictionary<string, decimal> Rates, decimal Mrr, decimal MrrCost, decimal Arr,
    decimal Margin, decimal Usage);
