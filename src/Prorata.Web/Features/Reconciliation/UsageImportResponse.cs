using Prorata.Data.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>A stored usage file: its rows, those of no Prorata Azure plan (not billed), and the partner's cost.</summary>
public sealed record UsageImportResponse(Guid Id, string FileName, string Sha256, DateTimeOffset ReceivedAt, long Rows, long UnassignedRows, decimal Cost, bool Duplicate)
{
    public static UsageImportResponse From(UsageImport import, bool duplicate = false) =>
        new(import.Id, import.FileName, import.Sha256, import.ReceivedAt, import.Rows, import.UnassignedRows, import.Cost, duplicate);
}
