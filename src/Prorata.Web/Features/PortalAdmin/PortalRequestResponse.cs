using Prorata.Data.Portal;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.PortalAdmin;

/// <summary>
/// A portal purchase or change waiting for (or past) staff approval. <see cref="Amount"/> is what it adds to the next invoice in
/// <see cref="Currency"/>, as previewed when asked for; <see cref="Outcome"/> is the decline's reason or the rule that refused
/// the approved change; <see cref="ResultSubscriptionId"/> the subscription it made or changed once applied.
/// </summary>
public sealed record PortalRequestResponse(Guid Id, Guid CustomerId, string CustomerName, Guid CustomerUserId, string RequestedBy, string Type,
    Guid? SubscriptionId, Guid? OfferId, Guid ContractId, string ProductId, string SkuId, string Title, string? Term, string? BillingPlan, int? Quantity,
    int? QuantityBefore, decimal Amount, string Currency, string Reason, string State, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? Outcome, Guid? ResultSubscriptionId)
{
    public static PortalRequestResponse From(PortalRequest r, string customerName) =>
        new(r.Id, r.CustomerId, customerName, r.CustomerUserId, r.RequestedBy, EnumText.ToWire(r.Type), r.SubscriptionId, r.OfferId, r.ContractId, r.ProductId,
            r.SkuId, r.Title, r.Term?.ToString(), r.BillingPlan is { } plan ? EnumText.ToWire(plan) : null, r.Quantity, r.QuantityBefore, r.Amount, r.Currency,
            r.Reason, EnumText.ToWire(r.State), r.RequestedAt, r.DecidedBy, r.DecidedAt, r.Outcome, r.ResultSubscriptionId);
}
