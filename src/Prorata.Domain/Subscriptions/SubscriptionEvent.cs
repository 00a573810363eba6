using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>
/// One entry of a contract's subscription timeline: a scenario file's event, or a stored change-log entry. Which
/// optional fields are set depends on <see cref="Type"/>. <see cref="Index"/> names the event in billing item keys
/// and provider ReferenceIds, so it never changes once the event is billed.
/// </summary>
public sealed record SubscriptionEvent(int Index, DateTimeOffset At, SubscriptionEventType Type, string Subscription)
{
    public string? Contract { get; init; }
    public string? ProductId { get; init; }
    public string? SkuId { get; init; }
    public TermDuration? Term { get; init; }
    public BillingPlan? BillingPlan { get; init; }
    public int? Quantity { get; init; }
    public bool AutoRenew { get; init; } = true;
    public bool AlignToCalendarMonth { get; init; }
    public string? Parent { get; init; }
    public bool? Enabled { get; init; }
    public string? ToProductId { get; init; }
    public string? ToSkuId { get; init; }
    public string? NewSubscription { get; init; }
    public DateOnly? UsageDate { get; init; }
    public string? Meter { get; init; }
    public decimal? Cost { get; init; }
    public decimal? Retail { get; init; }
}
