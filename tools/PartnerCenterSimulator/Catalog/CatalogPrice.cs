namespace PartnerCenterSimulator.Catalog;

/// <summary>
/// One price-list row. <see cref="UnitPrice"/> is the price of the whole term, as in Microsoft's price list (§1.2);
/// <see cref="EffectiveEnd"/> is exclusive.
/// </summary>
public sealed record CatalogPrice(
    string ProductId,
    string SkuId,
    string TermDuration,
    string BillingPlan,
    decimal UnitPrice,
    decimal ErpPrice,
    string Currency,
    DateTimeOffset EffectiveStart,
    DateTimeOffset? EffectiveEnd);
