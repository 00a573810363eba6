using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Subscriptions;

/// <summary>A subscription's state after a log entry, as the engine's replay or Partner Center reports it; null fields stay as they are.</summary>
public sealed record SubscriptionSnapshot(SubscriptionStatus? Status, int? Quantity, bool? AutoRenew, string? ProductId = null, string? SkuId = null);
