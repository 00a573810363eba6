namespace Prorata.Web.Features.Receivables;

/// <summary>PUT /api/v1/contracts/{id}/collection: auto-charge on issue, reminder days after the due date, and the day credit hold starts (null: never).</summary>
public sealed record CollectionRequest(bool? AutoCharge, IReadOnlyList<int>? RemindAfterDays, int? HoldAfterDays);
