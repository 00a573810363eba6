using System.Runtime.CompilerServices;
using Prorata.Domain.Reconciliation;

namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Reads Microsoft's new-commerce invoice reconciliation file (microsoft-csp.md §2.1), streaming: lines are produced
/// as the file is read and nothing else of it is kept. A bad file throws <see cref="ReconFileFormatException"/> at the
/// first bad row, so a caller that stores lines must do so in one transaction and roll back on it.
/// </summary>
public static class InvoiceReconReader
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    /// <summary>Gzip data is the Graph export's JSON Lines; anything else is taken for the portal's CSV.</summary>
    public static ReconFileFormat DetectFormat(ReadOnlySpan<byte> firstBytes) =>
        firstBytes.StartsWith(GzipMagic) ? ReconFileFormat.GzipJsonLines : ReconFileFormat.Csv;

    public static IEnumerable<ReconLine> Read(Stream stream, ReconFileFormat format, FileLimits? limits = null) =>
        format == ReconFileFormat.Csv ? ReadCsv(stream, limits) : ReadGzipJsonLines(stream, limits);

    public static IEnumerable<ReconLine> ReadCsv(Stream stream, FileLimits? limits = null)
    {
        using var records = CsvRecords.Open(stream, InvoiceColumns.Schema, limits);
        while (records.Next())
        {
            yield return InvoiceLineBuilder.Build(records);
        }
    }

    public static async IAsyncEnumerable<ReconLine> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var records = CsvRecords.Open(stream, InvoiceColumns.Schema);
        while (await records.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return InvoiceLineBuilder.Build(records);
        }
    }

    public static IEnumerable<ReconLine> ReadGzipJsonLines(Stream stream, FileLimits? limits = null)
    {
        using var records = JsonLinesRecords.Open(stream, InvoiceColumns.Schema, limits);
        while (records.Next())
        {
            yield return InvoiceLineBuilder.Build(records);
        }
    }
}
