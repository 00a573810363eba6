using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>One discrepant recon line: where it is in the file, what was expected, what it costs and why.</summary>
public sealed record DiscrepancyResponse(
    long Row,
    string CustomerId,
    string Subscription,
    string ChargeType,
    DateOnly ChargeStart,
    DateOnly ChargeEnd,
    string State,
    decimal? ExpectedTotal,
    decimal ActualTotal,
    decimal MoneyAtStake,
    string RootCause,
    string? Cause)
{
    public static DiscrepancyResponse From(LineMatch match) => new(
        match.Line.Row, match.Line.CustomerId, match.Line.SubscriptionId, match.Line.ChargeTypeName, match.Line.ChargeStartDate,
        match.Line.ChargeEndDate, ReconText.Camel(match.State), match.ExpectedTotal, match.Line.Subtotal, match.MoneyAtStake,
        ReconText.Camel(match.RootCause), match.Cause);
}
