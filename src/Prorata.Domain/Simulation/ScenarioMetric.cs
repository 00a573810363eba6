using Prorata.Domain.Insight;

namespace Prorata.Domain.Simulation;

/// <summary>
/// A customer's recurring revenue in one currency at the end of <see cref="Month"/> (its first day names it): MRR, its
/// cost, ARR, the month's Azure usage priced by the contract (beside MRR, never in it) and the movement against the month
/// before.
/// </summary>
public sealed record ScenarioMetric(DateOnly Month, string Customer, string Currency, decimal Mrr, decimal MrrCost, decimal Arr, decimal Usage,
    MrrMovement Movement);
