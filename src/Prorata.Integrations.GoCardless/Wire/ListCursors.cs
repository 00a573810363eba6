namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record ListCursors(string? Before, string? After);
