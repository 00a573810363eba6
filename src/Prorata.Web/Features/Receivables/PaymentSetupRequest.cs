namespace Prorata.Web.Features.Receivables;

/// <summary>POST /api/v1/customers/{id}/payment-methods/setup: which provider's hosted page (stripe: card or SEPA debit; goCardless: Direct Debit mandate).</summary>
public sealed record PaymentSetupRequest(string? Provider);
