namespace Prorata.Web.Features.Receivables;

/// <summary>POST /api/v1/payments/{id}/reverse: why the payment no longer counts (recordedByMistake, failed, chargedBack) and a note.</summary>
public sealed record ReversalRequest(string? Reason, string? Note);
