namespace Prorata.Data.Portal;

/// <summary>
/// A customer's portal rules beyond its offers: a purchase or seat change that adds more than <see cref="ApprovalAbove"/>
/// to the next invoice (in that invoice's currency) waits for staff approval. Null: no amount needs approval.
/// </summary>
public sealed class PortalPolicy
{
    public Guid CustomerId { get; set; }
    public decimal? ApprovalAbove { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
