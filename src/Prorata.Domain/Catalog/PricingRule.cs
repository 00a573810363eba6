namespace Prorata.Domain.Catalog;

/// <summary>
/// One rule of a contract's pricing: for a SKU (<see cref="SkuId"/> set), a product, or every product
/// (<see cref="ProductId"/> = "*").
/// </summary>
public sealed record PricingRule(string ProductId, string? SkuId, PricingMethod Method, decimal Value)
{
    public const string AnyProduct = "*";
}
