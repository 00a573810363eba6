using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Portal;

/// <summary>
/// A purchase or change a customer user asked for in the portal that waits for staff approval (above the customer's amount,
/// or an offer that always needs it). Approval applies it through the same use case as any change, in the user's name with
/// source Portal; the customer sees its state.
/// </summary>
public sealed class PortalRequest
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid CustomerUserId { get; set; }
    public required string RequestedBy { get; set; }
    public SubscriptionEventType Type { get; set; }

    /// <summary>The subscription changed; null for a purchase.</summary>
    public Guid? SubscriptionId { get; set; }

    /// <summary>The offer bought; null for a change.</summary>
    public Guid? OfferId { get; set; }
    public Guid ContractId { get; set; }
    public required string ProductId { get; set; }
    public required string SkuId { get; set; }
    public required string Title { get; set; }
    public TermDuration? Term { get; set; }
    public BillingPlan? BillingPlan { get; set; }
    public int? Quantity { get; set; }
    public int? QuantityBefore { get; set; }

    /// <summary>What the change adds to the next invoice, as previewed when it was asked for.</summary>
    public decimal Amount { get; set; }
    public required string Currency { get; set; }

    /// <summary>Why it needs approval, in the customer's words.</summary>
    public required string Reason { get; set; }
    public PortalRequestState State { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Staff's reason for a decline, or the rule's refusal when the approved change could not be applied.</summary>
    public string? Outcome { get; set; }

    /// <summary>The subscription a purchase made (or the one changed), once applied.</summary>
    public Guid? ResultSubscriptionId { get; set; }
}
