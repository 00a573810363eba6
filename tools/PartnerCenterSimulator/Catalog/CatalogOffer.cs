namespace PartnerCenterSimulator.Catalog;

/// <summary>A license-based NCE product SKU; the catalog item id is <c>ProductId:SkuId:AvailabilityId</c> (microsoft-csp.md §3).</summary>
public sealed record CatalogOffer(
    string ProductId,
    string SkuId,
    string AvailabilityId,
    string ProductTitle,
    string SkuTitle,
    IReadOnlyList<string> UpgradeTargets)
{
    public string CatalogItemId => $"{ProductId}:{SkuId}:{AvailabilityId}";

    public string ProductSku => $"{ProductId}:{SkuId}";
}
