namespace Prorata.Domain.Simulation;

/// <summary>The insight half of a simulation's output (docs/scenarios.md, "Metrics and commissions"): MRR per customer and month, and commissions.</summary>
public sealed record ScenarioInsightResult(IReadOnlyList<ScenarioMetric> Metrics, IReadOnlyList<ScenarioCommission> Commissions)
{
    public static readonly ScenarioInsightResult Empty = new([], []);
}
