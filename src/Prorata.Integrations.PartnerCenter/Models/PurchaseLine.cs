namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>One cart line: a catalog item id <c>ProductId:SkuId:AvailabilityId</c>, a legal term/plan pair (§1.1) and seats.</summary>
public sealed record PurchaseLine(string CatalogItemId, int Quantity, string TermDuration, string BillingCycle, DateOnly? CustomTermEndDate = null);
