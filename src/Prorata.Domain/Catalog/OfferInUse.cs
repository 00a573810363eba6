namespace Prorata.Domain.Catalog;

/// <summary>An offer (product × SKU × term × billing plan) and how many active or suspended subscriptions run on it.</summary>
public sealed record OfferInUse(string ProductId, string SkuId, TermDuration Term, BillingPlan BillingPlan, int Subscriptions);
