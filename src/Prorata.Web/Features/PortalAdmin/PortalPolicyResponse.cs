using Prorata.Data.Portal;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>The customer's approval amount, in <see cref="Currency"/> (the customer's); null: no amount needs approval. UpdatedAt null: never set.</summary>
public sealed record PortalPolicyResponse(Guid CustomerId, decimal? ApprovalAbove, string Currency, DateTimeOffset? UpdatedAt)
{
    public static PortalPolicyResponse From(Guid customerId, string currency, PortalPolicy? policy) =>
        new(customerId, policy?.ApprovalAbove, currency, policy?.UpdatedAt);
}
