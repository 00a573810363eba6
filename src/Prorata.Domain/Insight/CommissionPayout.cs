namespace Prorata.Domain.Insight;

/// <summary>When a commission becomes payable (billing-rules §5). Stored and written as text: never rename one.</summary>
public enum CommissionPayout
{
    /// <summary>On the invoice date.</summary>
    Invoice,

    /// <summary>On each date a payment settles part of the invoice, in proportion to that part.</summary>
    Cash,

    /// <summary>On the date of the change that produced the line (a purchase, a seat change, a renewal).</summary>
    Booking,
}
