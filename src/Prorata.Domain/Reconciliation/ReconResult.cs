namespace Prorata.Domain.Reconciliation;

/// <summary>Every line's outcome in file order, the expected charges Microsoft did not bill, and the totals.</summary>
public sealed record ReconResult(
    IReadOnlyList<LineMatch> Lines,
    IReadOnlyList<MissingCharge> Missing,
    ReconSummary Summary);
