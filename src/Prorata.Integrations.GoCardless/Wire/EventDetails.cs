namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record EventDetails(string? Origin, string? Cause, string? Description, string? Scheme, string? ReasonCode);
