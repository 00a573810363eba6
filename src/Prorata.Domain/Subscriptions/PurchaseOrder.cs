using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>A request to buy a subscription under a billing contract.</summary>
public sealed record PurchaseOrder(
    string EventId,
    string SubscriptionId,
    string ContractId,
    string ProductId,
    string? SkuId,
    TermDuration? Term,
    BillingPlan? Plan,
    int Quantity,
    bool AutoRenew,
    bool AlignToCalendarMonth,
    string? ParentId,
    DateTimeOffset At)
{
    /// <summary>The product id of an Azure plan: usage-based, no term, no price-list row.</summary>
    public const string AzurePlan = "AZURE-PLAN";
}
