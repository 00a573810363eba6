using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>A Microsoft charge customers were not billed for: the revenue leak, line by line.</summary>
public sealed record UnbilledChargeResponse(long Row, string Subscription, string ChargeType, DateOnly ChargeStart, DateOnly ChargeEnd, int UncoveredDays, decimal Amount)
{
    public static UnbilledChargeResponse From(UnbilledCharge charge) => new(
        charge.Line.Row, charge.Line.SubscriptionId, charge.Line.ChargeTypeName, charge.Line.ChargeStartDate, charge.Line.ChargeEndDate,
        charge.UncoveredDays, charge.Amount);
}
