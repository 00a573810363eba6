namespace Prorata.Domain.Contracts;

/// <summary>How a pricing rule turns Microsoft's prices into the customer's unit price.</summary>
public enum PricingMethod
{
    /// <summary>Partner cost × (1 + value / 100).</summary>
    MarkupOnCost,

    /// <summary>Estimated retail price (ERP) × (1 − value / 100).</summary>
    DiscountOffErp,

    /// <summary>The value itself, in the contract's currency, per unit and billing period.</summary>
    FixedPrice,
}
