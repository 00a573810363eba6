namespace Prorata.Domain.Catalog;

/// <summary>
/// One validated rule of a contract's pricing: for a SKU (<see cref="SkuId"/> set), a product, or every product
/// (<see cref="ProductId"/> = <see cref="AnyProduct"/>); the most specific rule wins. <see cref="Value"/> is a
/// percentage, or for <see cref="PricingMethod.FixedPrice"/> an amount in the contract's currency.
/// </summary>
public sealed record PricingRule(string ProductId, string? SkuId, PricingMethod Method, decimal Value)
{
    public const string AnyProduct = "*";
}
