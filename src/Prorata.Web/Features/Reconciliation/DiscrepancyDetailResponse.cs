using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// The drill-down: the whole Microsoft line, every column of it, and the charge Prorata expected — for an Azure plan
/// line, what the imported daily usage adds up to.
/// </summary>
public sealed record DiscrepancyDetailResponse(
    DiscrepancyResponse Discrepancy,
    ReconLine Line,
    IReadOnlyDictionary<string, string> OtherColumns,
    ProviderCharge? Expected,
    ExpectedUsage? ExpectedUsage)
{
    internal static DiscrepancyDetailResponse From(LineMatch match, ReconNames names) => new(
        DiscrepancyResponse.From(match, names),
        match.Line with { Extra = [] },
        match.Line.Extra.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value),
        match.Expected,
        match.Usage);
}
