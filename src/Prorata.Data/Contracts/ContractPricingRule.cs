using Prorata.Domain.Catalog;

namespace Prorata.Data.Contracts;

/// <summary>A stored <see cref="PricingRule"/>; <see cref="Position"/> keeps the order the partner wrote them in.</summary>
public sealed class ContractPricingRule
{
    public int Position { get; set; }

    public required string ProductId { get; set; }

    public string? SkuId { get; set; }

    public PricingMethod Method { get; set; }

    /// <summary>A percentage, or for <see cref="PricingMethod.FixedPrice"/> an amount in the contract's currency.</summary>
    public decimal Value { get; set; }
}
