using Prorata.Application.Outbox;
using Prorata.Data.Outbox;

namespace Prorata.Application.PartnerCenter;

/// <summary>
/// A purchase whose checkout was under way when Prorata stopped: Microsoft may have the order while Prorata has no
/// subscription, so a person checks the tenant (the next sync lists what Microsoft has as a subscription without a
/// contract, to link).
/// </summary>
public sealed class PartnerCenterPurchaseSettlement : IOutboxHandler
{
    public OutboxTopic Topic => OutboxTopic.PartnerCenterPurchase;

    public Task<OutboxDelivery> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var intent = OutboxWriter.Read<PartnerCenterIntent>(message);
        return Task.FromResult(OutboxDelivery.ForAPerson(
            $"Prorata stopped while buying {intent.Quantity} × {intent.Title ?? $"{intent.ProductId}/{intent.SkuId}"} ({intent.Term}, {intent.BillingPlan}) for customer "
            + $"{intent.CustomerId}, asked by {intent.Actor} at {intent.At:yyyy-MM-dd HH:mm} UTC, and has no record of the order. Look for it in Partner Center: "
            + "if Microsoft placed it, link the subscription the next sync reports to a subscription on the customer's contract; otherwise buy it again."));
    }
}
