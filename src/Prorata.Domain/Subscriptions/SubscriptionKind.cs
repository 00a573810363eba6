namespace Prorata.Domain.Subscriptions;

public enum SubscriptionKind
{
    /// <summary>A Microsoft license-based NCE subscription: seats, a term, provider charges.</summary>
    License,

    /// <summary>A product of the partner itself (a service or a bundle): priced like a license, no provider charges.</summary>
    PartnerProduct,

    /// <summary>An Azure plan: usage rated daily by Microsoft, billed to the customer in arrears.</summary>
    Usage,
}
