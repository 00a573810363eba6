namespace Prorata.Data.Catalog;

/// <summary>A price-list file read: its rows, how many rows were not license offers (trials, one-time), and every error (then nothing is imported).</summary>
public sealed record PriceListParse(IReadOnlyList<PriceListEntry> Rows, int Skipped, IReadOnlyList<string> Errors);
