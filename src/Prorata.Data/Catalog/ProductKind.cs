namespace Prorata.Data.Catalog;

/// <summary>What a catalog product is: how it is sold and who supplies it (billing-rules §2, product classes).</summary>
public enum ProductKind
{
    /// <summary>A Microsoft NCE license-based offer from the price list.</summary>
    License,

    /// <summary>The partner's own recurring service (managed services, support), priced like a license.</summary>
    Service,

    /// <summary>The partner's one-time item (onboarding, a migration project).</summary>
    OneTime,
}
