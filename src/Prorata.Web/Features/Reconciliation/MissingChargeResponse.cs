using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>A charge Prorata expected in the file's months that Microsoft did not bill, with its customer and offer by name.</summary>
public sealed record MissingChargeResponse(string Customer, string Subscription, string Offer, string ChargeType, DateOnly ChargeStart, DateOnly ChargeEnd,
    int Quantity, decimal Total, string Currency, string RootCause, string Cause)
{
    internal static MissingChargeResponse From(MissingCharge missing, ReconNames names) => new(
        names.Customer(missing.Expected.Subscription), missing.Expected.Subscription,
        names.Offer(missing.Expected.Subscription, null, missing.Expected.ProductId, missing.Expected.SkuId),
        Prorata.Domain.Reconciliation.ChargeTypeNames.ToCamelCase(missing.Expected.ChargeType), missing.Expected.ChargeStart, missing.Expected.ChargeEnd,
        missing.Expected.Quantity, missing.Expected.Total, missing.Expected.Currency, ReconText.Camel(missing.RootCause), missing.Cause);
}
