namespace Prorata.Domain.Contracts;

/// <summary>
/// A validated pricing rule of a billing contract. The most specific rule wins: product and SKU, then product,
/// then <see cref="AnyProduct"/>.
/// </summary>
public sealed record PricingRule(string ProductId, string? SkuId, PricingMethod Method, decimal Value)
{
    public const string AnyProduct = "*";
}
