using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>One discrepant recon line: where it is in the file, whose it is (by name), what was expected, what it costs and why.</summary>
public sealed record DiscrepancyResponse(
    long Row,
    string CustomerId,
    string Customer,
    string Subscription,
    string Offer,
    string ChargeType,
    DateOnly ChargeStart,
    DateOnly ChargeEnd,
    string State,
    string Currency,
    decimal? ExpectedTotal,
    decimal ActualTotal,
    decimal MoneyAtStake,
    string RootCause,
    string? Cause)
{
    internal static DiscrepancyResponse From(LineMatch match, ReconNames names) => new(
        match.Line.Row, match.Line.CustomerId, names.Customer(match.Line.SubscriptionId, match.Line.CustomerName, match.Line.CustomerId), match.Line.SubscriptionId,
        names.Offer(match.Line.SubscriptionId, OfferName(match.Line), match.Line.ProductId, match.Line.SkuId), match.Line.ChargeTypeName, match.Line.ChargeStartDate,
        match.Line.ChargeEndDate, ReconText.Camel(match.State), match.Line.Currency, match.ExpectedTotal, match.Line.Subtotal, match.MoneyAtStake,
        ReconText.Camel(match.RootCause), match.Cause);

    internal static string OfferName(ReconLine line) => string.Join(" ", new[] { line.ProductName, line.SkuName }.Where(n => n.Length > 0).Distinct());
}
