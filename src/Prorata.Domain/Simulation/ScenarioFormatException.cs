namespace Prorata.Domain.Simulation;

/// <summary>A malformed scenario; the message names the field, e.g. "events[3].quantity: must be ≥ 0".</summary>
public sealed class ScenarioFormatException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
