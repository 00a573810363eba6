namespace Prorata.Integrations.GoCardless.Wire;

internal sealed record ListMeta(ListCursors? Cursors, int? Limit);
