namespace Prorata.Web.Features.Commissions;

/// <summary>POST …/statements/{salespersonId}/{month}/paid: how the statement was paid (a payroll run, a transfer reference).</summary>
public sealed record StatementPaidRequest(string? Reference);
