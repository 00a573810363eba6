using Prorata.Domain.Money;

namespace Prorata.Domain.Catalog;

/// <summary>
/// The customer's unit price per charge cycle (billing-rules.md §2): the most specific rule wins
/// (the SKU, then the product, then "*"); the result is rounded half away from zero to minor units.
/// </summary>
public static class PricingStrategy
{
    public static PricingRule? Match(IReadOnlyList<PricingRule> rules, string productId, string skuId)
    {
        PricingRule? forProduct = null, forAny = null;
        foreach (var rule in rules)
        {
            if (rule.ProductId == PricingRule.AnyProduct)
            {
                forAny ??= rule;
                continue;
            }
            if (!string.Equals(rule.ProductId, productId, StringComparison.OrdinalIgnoreCase)) continue;
            if (rule.SkuId is null) forProduct ??= rule;
            else if (string.Equals(rule.SkuId, skuId, StringComparison.OrdinalIgnoreCase)) return rule;
        }
        return forProduct ?? forAny;
    }

    /// <summary>
    /// Prices one cycle from the partner's cost and the retail (ERP) price of the same cycle. A missing rule
    /// bills at ERP (and the caller raises MissingPricingStrategy): never silently at zero or at cost.
    /// </summary>
    public static CustomerPrice Price(PricingRule? rule, decimal cycleCost, decimal? cycleErp, Currency currency)
    {
        if (rule is null)
            return new CustomerPrice(Rounding.Customer(cycleErp ?? cycleCost, currency), MissingStrategy: true);
        var exact = rule.Method switch
        {
            PricingMethod.MarkupOnCost => cycleCost * (1m + rule.Value / 100m),
            PricingMethod.DiscountOffErp => (cycleErp ?? cycleCost) * (1m - rule.Value / 100m),
            _ => rule.Value,
        };
        return new CustomerPrice(Rounding.Customer(exact, currency), MissingStrategy: false);
    }
}
