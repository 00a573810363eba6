using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>A change asked for one subscription, in the engine's event terms; which fields matter depends on <see cref="Type"/>.</summary>
public sealed record ChangeRequest(SubscriptionEventType Type)
{
    public int? Quantity { get; init; }
    public bool? Enabled { get; init; }
    public string? ProductId { get; init; }
    public string? SkuId { get; init; }
    public TermDuration? Term { get; init; }
    public BillingPlan? BillingPlan { get; init; }

    /// <summary>The second confirmation of a seat change beyond <see cref="LargeSeatChange"/>'s limits.</summary>
    public bool LargeChangeConfirmed { get; init; }
}
