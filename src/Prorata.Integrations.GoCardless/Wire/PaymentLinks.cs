namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record PaymentLinks(string Mandate);
