namespace Prorata.Domain.Billing;

/// <summary>Whether a seat decrease or cancellation credits the customer for the rest of the period it falls in.</summary>
public enum RefundPolicy
{
    Prorated,

    /// <summary>A decrease takes effect from the next period; periods already billed ahead are still corrected.</summary>
    None,
}
