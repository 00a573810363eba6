using Prorata.Domain.Catalog;

namespace Prorata.Domain.Contracts;

/// <summary>
/// A pricing rule as a person or an API caller typed it, before validation. <see cref="ProductId"/> "*" matches
/// every product; <see cref="SkuId"/> narrows a product rule to one SKU. <see cref="Value"/> is a percentage for
/// <see cref="PricingMethod.MarkupOnCost"/> and <see cref="PricingMethod.DiscountOffErp"/>, an amount for
/// <see cref="PricingMethod.FixedPrice"/>.
/// </summary>
public sealed record PricingRuleDraft(string? ProductId, string? SkuId, string? Method, decimal? Value);
