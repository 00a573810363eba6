namespace Prorata.Web.Features.Receivables;

/// <summary>POST /api/v1/customers/{id}/refunds: credit paid back to the customer.</summary>
public sealed record RefundRequest(decimal? Amount, string? Currency, string? Reference);
