namespace Prorata.Domain.Catalog;

/// <summary>
/// A product and SKU Microsoft's catalog lets an offer upgrade to (its transition eligibilities, the offer matrix's
/// ProductSkuConversion). Ids compare case-insensitively, like the price list's.
/// </summary>
public readonly record struct UpgradeTarget(string ProductId, string SkuId)
{
    public bool Is(string productId, string skuId) =>
        string.Equals(ProductId, productId, StringComparison.OrdinalIgnoreCase) && string.Equals(SkuId, skuId, StringComparison.OrdinalIgnoreCase);
}
