namespace Prorata.Domain.Insight;

/// <summary>Part of a line's commission, payable on <see cref="PayableOn"/>.</summary>
public readonly record struct CommissionInstalment(DateOnly PayableOn, decimal Amount);
