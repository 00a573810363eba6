namespace Prorata.Domain.Insight;

/// <summary>
/// How a customer's MRR in a currency moved from one month end to the next (billing-rules §5, "MRR"). Stored and written
/// as text: never rename one.
/// </summary>
public enum MrrMovement
{
    /// <summary>Unchanged (0 to 0 included).</summary>
    None,

    /// <summary>From 0 to above 0, and never above 0 at an earlier month end.</summary>
    New,

    /// <summary>Up, from above 0.</summary>
    Expansion,

    /// <summary>Down, still above 0.</summary>
    Contraction,

    /// <summary>From above 0 to 0.</summary>
    Churn,

    /// <summary>From 0 to above 0, after being above 0 at some earlier month end.</summary>
    Reactivation,
}
