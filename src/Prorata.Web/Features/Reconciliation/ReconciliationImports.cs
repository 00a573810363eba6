using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Accepts recon files and queues them for the import worker. The upload is spooled to a temporary file while its
/// SHA-256 is computed, so a 650 MB file is never held in memory; a file whose hash was already imported (and not
/// refused) is recognised and returns the earlier import instead of being counted twice, also when it was stored before
/// a restart (by its unique SHA-256 in the database).
/// </summary>
public sealed class ReconciliationImports(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, ReconciliationImport> imports = new();
    private readonly Channel<QueuedImport> queue = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim admission = new(1, 1);

    public IReadOnlyList<ReconciliationImport> All => [.. imports.Values.OrderByDescending(i => i.ReceivedAt)];

    internal ChannelReader<QueuedImport> Queue => queue.Reader;

    public ReconciliationImport? Find(Guid id) => imports.GetValueOrDefault(id);

    /// <summary>Spools and queues a file; <c>Duplicate</c> is true when the same bytes were imported before.</summary>
    /// <exception cref="ScenarioFormatException">The what-if scenario is malformed; nothing is queued.</exception>
    public async Task<(ReconciliationImport Import, bool Duplicate)> EnqueueAsync(
        string fileName, Stream content, string? scenarioJson, CancellationToken cancellationToken)
    {
        var scenario = scenarioJson is null ? null : ScenarioJson.Parse(scenarioJson);
        var path = Path.Combine(Path.GetTempPath(), $"prorata-recon-{Guid.NewGuid():N}.upload");
        string sha256;
        await using (var spool = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        // One admission at a time, so that two uploads of the same file cannot both pass the duplicate check.
        await admission.WaitAsync(cancellationToken);
        try
        {
            var earlier = imports.Values.FirstOrDefault(i => i.Sha256 == sha256 && i.Status != ImportStatus.Refused);
            earlier ??= await StoredAsync(sha256, cancellationToken);
            if (earlier is not null)
            {
                File.Delete(path);
                return (earlier, true);
            }
            var import = new ReconciliationImport(Guid.NewGuid(), Path.GetFileName(fileName), sha256, scenario?.Name, time.GetUtcNow());
            imports[import.Id] = import;
            await queue.Writer.WriteAsync(new QueuedImport(import, path, scenario), cancellationToken);
            return (import, false);
        }
        finally
        {
            admission.Release();
        }
    }

    /// <summary>An import of the same bytes stored before this process started: its summary, kept here from now on.</summary>
    private async Task<ReconciliationImport?> StoredAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ProrataDbContext>().ReconImports.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Sha256 == sha256, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var stored = new ReconciliationImport(row.Id, row.FileName, row.Sha256, row.ScenarioName, row.ReceivedAt);
        stored.Restore(row.Rows, new ReconSummary(row.Matched, row.AmountMismatch, row.QuantityMismatch, row.PriceMismatch, row.UnexpectedCharge,
            row.UnknownSubscription, row.MissingCharge, row.MoneyAtStake, row.ActualTotal, row.ExpectedTotal), row.UnbilledTotal, row.FinishedAt);
        return imports.GetOrAdd(stored.Id, stored);
    }
}
