using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// An import's status, progress and totals; the unbilled revenue comes first because it is the leak. The summary's
/// <c>currencies</c> hold the totals per currency; <c>unbilledRevenue</c> and the summary's amounts add every currency and
/// are read only for a file in one. A withdrawn import says when, by whom and why.
/// </summary>
public sealed record ImportResponse(
    Guid Id,
    string FileName,
    string Sha256,
    string? Scenario,
    string Status,
    long RowsRead,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    decimal UnbilledRevenue,
    ReconSummary? Summary,
    bool Duplicate,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawalReason)
{
    public static ImportResponse From(ReconciliationImport import, bool duplicate = false) => new(
        import.Id, import.FileName, import.Sha256, import.ScenarioName, ReconText.Camel(import.Status), import.RowsRead,
        import.ReceivedAt, import.FinishedAt, import.Error, import.UnbilledTotal, import.Summary, duplicate, import.WithdrawnAt, import.WithdrawnBy,
        import.WithdrawalReason);
}
