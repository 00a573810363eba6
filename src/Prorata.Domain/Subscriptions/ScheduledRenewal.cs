using Prorata.Domain.Catalog;

namespace Prorata.Domain.Subscriptions;

/// <summary>Microsoft's scheduledNextTermInstructions: what changes at the next renewal; null fields keep the current value.</summary>
public sealed record ScheduledRenewal(int? Quantity, TermDuration? Term, BillingPlan? BillingPlan, string? SkuId);
