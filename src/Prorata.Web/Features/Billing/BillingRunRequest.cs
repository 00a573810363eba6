namespace Prorata.Web.Features.Billing;

/// <summary>Body of POST /api/v1/billing-runs: the billing date (yyyy-MM-dd) and whether to issue the invoices (default) or leave drafts.</summary>
public sealed record BillingRunRequest(string? Date, bool? Issue);
