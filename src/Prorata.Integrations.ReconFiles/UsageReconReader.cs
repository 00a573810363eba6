using System.Runtime.CompilerServices;
using Prorata.Domain.Reconciliation;

namespace Prorata.Integrations.ReconFiles;

/// <summary>
/// Reads Microsoft's daily-rated usage file (microsoft-csp.md §2.2), streaming, as portal CSV or Graph gzip JSON Lines;
/// refuses a bad file with <see cref="ReconFileFormatException"/> exactly as <see cref="InvoiceReconReader"/> does.
/// </summary>
public static class UsageReconReader
{
    public static IEnumerable<UsageLine> Read(Stream stream, ReconFileFormat format, FileLimits? limits = null) =>
        format == ReconFileFormat.Csv ? ReadCsv(stream, limits) : ReadGzipJsonLines(stream, limits);

    public static IEnumerable<UsageLine> ReadCsv(Stream stream, FileLimits? limits = null)
    {
        using var records = CsvRecords.Open(stream, UsageColumns.Schema, limits);
        while (records.Next())
        {
            yield return UsageLineBuilder.Build(records);
        }
    }

    public static async IAsyncEnumerable<UsageLine> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var records = CsvRecords.Open(stream, UsageColumns.Schema);
        while (await records.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return UsageLineBuilder.Build(records);
        }
    }

    public static IEnumerable<UsageLine> ReadGzipJsonLines(Stream stream, FileLimits? limits = null)
    {
        using var records = JsonLinesRecords.Open(stream, UsageColumns.Schema, limits);
        while (records.Next())
        {
            yield return UsageLineBuilder.Build(records);
        }
    }
}
