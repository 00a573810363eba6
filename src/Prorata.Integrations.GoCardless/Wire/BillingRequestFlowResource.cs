namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record BillingRequestFlowResource(string Id, string AuthorisationUrl);
