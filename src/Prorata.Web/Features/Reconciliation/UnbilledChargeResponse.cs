using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>A Microsoft charge customers were not billed for: the revenue leak, line by line, with its customer and offer by name.</summary>
public sealed record UnbilledChargeResponse(long Row, string Customer, string Subscription, string Offer, string ChargeType, DateOnly ChargeStart, DateOnly ChargeEnd,
    int UncoveredDays, decimal Amount, string Currency)
{
    internal static UnbilledChargeResponse From(UnbilledCharge charge, ReconNames names) => new(
        charge.Line.Row, names.Customer(charge.Line.SubscriptionId, charge.Line.CustomerName, charge.Line.CustomerId), charge.Line.SubscriptionId,
        names.Offer(charge.Line.SubscriptionId, DiscrepancyResponse.OfferName(charge.Line), charge.Line.ProductId, charge.Line.SkuId), charge.Line.ChargeTypeName,
        charge.Line.ChargeStartDate, charge.Line.ChargeEndDate, charge.UncoveredDays, charge.Amount, charge.Line.Currency);
}
