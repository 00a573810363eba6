using Prorata.Data.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>A usage row forward to the customer invoice line that billed it: <c>billed</c>, <c>notBilledYet</c> or <c>noSubscription</c>.</summary>
public sealed record UsageRowTraceResponse(
    UsageRowResponse Row,
    string FileName,
    DateTimeOffset ImportedAt,
    string State,
    string Explanation,
    Guid? InvoiceId,
    string? InvoiceNumber,
    DateOnly? BillingDate,
    int? Position,
    decimal? LineAmount,
    string? LineTrace)
{
    public static UsageRowTraceResponse From(UsageRowTrace t) => new(
        UsageRowResponse.From(t.Row), t.Import.FileName, t.Import.ReceivedAt, t.State, t.Explanation, t.InvoiceId, t.InvoiceNumber, t.BillingDate, t.Position,
        t.LineAmount, t.InvoiceId is { } invoice ? $"/api/v1/usage-lines/{invoice}/{t.Position}" : null);
}
