using Microsoft.Extensions.Options;
using Prorata.Data.Reconciliation;
using Prorata.Integrations.ReconFiles;
using Prorata.Web.Infrastructure.Uploads;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Imports a daily-rated usage file from a request: the upload is spooled to a temporary file while its SHA-256 is
/// computed (a month of usage is hundreds of megabytes, never held in memory), then read as CSV or gzip JSON Lines and
/// stored by <see cref="UsageImporter"/>. A malformed file is a refusal naming row, column and value; a file past
/// <see cref="FileLimits"/> throws <see cref="FileLimitException"/>. The temporary file is removed whatever happens.
/// </summary>
public sealed class UsageFiles(UsageImporter importer, IOptions<FileLimits> limits)
{
    public async Task<UsageImportOutcome> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prorata-usage-{Guid.NewGuid():N}.upload");
        try
        {
            var sha256 = await UploadSpool.WriteAsync(content, path, limits.Value, cancellationToken);
            await using var file = File.OpenRead(path);
            var head = new byte[2];
            var headLength = await file.ReadAsync(head, cancellationToken);
            file.Position = 0;
            try
            {
                return await importer.ImportAsync(fileName, sha256,
                    UsageReconReader.Read(file, InvoiceReconReader.DetectFormat(head.AsSpan(0, headLength)), limits.Value), cancellationToken);
            }
            catch (ReconFileFormatException e)
            {
                return UsageImportOutcome.Refused(new UsageFileRefusal(e.Row, e.Column, e.Value, e.Message));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
