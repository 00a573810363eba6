namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record MandateRequest(string Currency, string? Scheme);
