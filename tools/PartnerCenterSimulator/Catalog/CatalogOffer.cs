namespace PartnerCenterSimulator.Catalog;

/// <summary>
/// A license-based NCE product SKU; the catalog item id is <c>ProductId:SkuId:AvailabilityId</c> (microsoft-csp.md §3).
/// <see cref="ProvisioningId"/> is the SKU's <c>dynamicAttributes.provisioningId</c>: the id the licenses it provisions
/// carry in the customer's tenant (a subscribed SKU's <c>productSku.id</c>, §4), with <see cref="SkuPartNumber"/> its name there.
/// </summary>
public sealed record CatalogOffer(
    string ProductId,
    string SkuId,
    string AvailabilityId,
    string ProductTitle,
    string SkuTitle,
    IReadOnlyList<string> UpgradeTargets,
    string ProvisioningId,
    string SkuPartNumber)
{
    public string CatalogItemId => $"{ProductId}:{SkuId}:{AvailabilityId}";

    public string ProductSku => $"{ProductId}:{SkuId}";
}
