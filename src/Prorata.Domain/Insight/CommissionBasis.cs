namespace Prorata.Domain.Insight;

/// <summary>What a commission plan's rate applies to (billing-rules §5). Stored and written as text: never rename one.</summary>
public enum CommissionBasis
{
    /// <summary>The invoice line's amount.</summary>
    Revenue,

    /// <summary>The invoice line's gross profit.</summary>
    Margin,
}
