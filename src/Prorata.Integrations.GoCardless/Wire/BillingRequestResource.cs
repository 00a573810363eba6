namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record BillingRequestResource(string Id, string Status, BillingRequestLinks? Links);
