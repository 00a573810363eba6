namespace Prorata.Domain.Billing;

public enum InvoiceLineKind
{
    /// <summary>A period billed for the first time, in advance.</summary>
    Recurring,

    /// <summary>A correction for a change event, or for a period already billed at another quantity or price.</summary>
    Adjustment,

    /// <summary>Azure usage of a whole calendar month, in arrears.</summary>
    Usage,

    /// <summary>Everything billed for a subscription cancelled within 24 hours of purchase, credited at once.</summary>
    Credit,
}
