namespace Prorata.Domain.Contracts;

/// <summary>
/// Whether a decrease credits the rest of the period that contains it (<see cref="Prorated"/>, the default)
/// or takes effect from the next period (<see cref="None"/>) — billing-rules §4, adjustment lines. The names are
/// stored as text: never rename one.
/// </summary>
public enum RefundPolicy
{
    Prorated,

    /// <summary>A decrease takes effect from the next period; periods already billed ahead are still corrected.</summary>
    None,
}
