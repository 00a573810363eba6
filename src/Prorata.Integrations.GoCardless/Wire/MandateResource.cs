namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record MandateResource(string Id, string Status, string Scheme, DateOnly? NextPossibleChargeDate, MandateLinks Links);
