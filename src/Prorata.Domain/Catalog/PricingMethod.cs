namespace Prorata.Domain.Catalog;

/// <summary>
/// The three ways a partner prices a product for a customer (billing-rules §2). The names are stored as text
/// (a contract's pricing rules): never rename one.
/// </summary>
public enum PricingMethod
{
    /// <summary>Percent added to the partner's cost.</summary>
    MarkupOnCost,

    /// <summary>Percent taken off the estimated retail price (ERP, or retail for Azure usage).</summary>
    DiscountOffErp,

    /// <summary>A fixed amount per unit and charge cycle, in the contract's currency.</summary>
    FixedPrice,
}
