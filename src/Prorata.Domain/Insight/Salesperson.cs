namespace Prorata.Domain.Insight;

/// <summary>A salesperson a billing contract may name, with their commission plans; the most specific plan wins.</summary>
public sealed record Salesperson(string Id, IReadOnlyList<CommissionPlan> Plans);
