using Prorata.Domain.Catalog;

namespace Prorata.Application.Subscriptions;

/// <summary>A new subscription under a billing contract; <see cref="ParentId"/> makes it a member of a bundle.</summary>
public sealed record PurchaseRequest(Guid ContractId, string ProductId, string SkuId, TermDuration? Term, BillingPlan? BillingPlan, int Quantity)
{
    public bool AutoRenew { get; init; } = true;
    public bool AlignToCalendarMonth { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>The second confirmation of a purchase beyond <see cref="LargeSeatChange"/>'s limits.</summary>
    public bool LargeChangeConfirmed { get; init; }
}
