namespace Prorata.Data.Catalog;

/// <summary>
/// A product the partner sells: a Microsoft SKU (added by a price-list import) or one of the partner's own services
/// and one-time items. Its prices are <see cref="PriceListEntry"/> rows.
/// </summary>
public sealed class CatalogProduct
{
    public required string ProductId { get; set; }

    public required string SkuId { get; set; }

    public required string Title { get; set; }

    public ProductKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
