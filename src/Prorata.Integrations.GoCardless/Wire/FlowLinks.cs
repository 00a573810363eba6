namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record FlowLinks(string BillingRequest);
