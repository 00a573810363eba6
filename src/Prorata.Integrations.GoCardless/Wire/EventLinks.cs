namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record EventLinks(string? Payment, string? Mandate);
