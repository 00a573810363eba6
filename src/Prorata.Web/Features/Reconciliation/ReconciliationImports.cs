using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Prorata.Data;
using Prorata.Domain.Simulation;
using Prorata.Integrations.ReconFiles;
using Prorata.Web.Infrastructure.Uploads;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Accepts recon files and queues them for the import worker. The upload is spooled to a temporary file while its
/// SHA-256 is computed, so a 650 MB file is never held in memory; a file whose hash was already imported (and not
/// refused) is recognised and returns the earlier import instead of being counted twice, also when it was stored before
/// a restart (by its unique SHA-256 in the database). Imports stored before a restart are listed and opened from the
/// database (<see cref="StoredReconImports"/>).
/// </summary>
public sealed class ReconciliationImports(IServiceScopeFactory scopes, TimeProvider time, IOptions<FileLimits> limits)
{
    private readonly ConcurrentDictionary<Guid, ReconciliationImport> imports = new();
    private readonly Channel<QueuedImport> queue = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim admission = new(1, 1);

    internal ChannelReader<QueuedImport> Queue => queue.Reader;

    /// <summary>The limits every recon file is held to, when it is spooled and again when it is read.</summary>
    public FileLimits Limits => limits.Value;

    /// <summary>Every import, newest first: those of this process and those stored before it started (with their summary).</summary>
    public async Task<IReadOnlyList<ReconciliationImport>> AllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await StoredReconImports.HeadersAsync(scope.ServiceProvider.GetRequiredService<ProrataDbContext>(), cancellationToken);
        return [.. imports.Values.Concat(stored.Where(s => !imports.ContainsKey(s.Id))).OrderByDescending(i => i.ReceivedAt)];
    }

    /// <summary>An import of this process, else one stored before it started, read back in full and kept here from now on.</summary>
    public async Task<ReconciliationImport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        imports.GetValueOrDefault(id) ?? await StoredAsync(id, null, cancellationToken);

    /// <summary>One page of an import's discrepancies (from the database) and how many match the filter in all.</summary>
    public async Task<(IReadOnlyList<Prorata.Domain.Reconciliation.LineMatch> Page, int Total)> DiscrepanciesAsync(
        Guid id, Prorata.Domain.Reconciliation.ReconState? state, string? subscription, string? text, int skip, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await StoredReconImports.DiscrepanciesAsync(scope.ServiceProvider.GetRequiredService<ProrataDbContext>(), id, state, subscription, text, skip, take,
            cancellationToken);
    }

    /// <summary>The discrepancy on one row, from the database; null when the row matched or does not exist.</summary>
    public async Task<Prorata.Domain.Reconciliation.LineMatch?> DiscrepancyAsync(Guid id, long row, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await StoredReconImports.DiscrepancyAsync(scope.ServiceProvider.GetRequiredService<ProrataDbContext>(), id, row, cancellationToken);
    }

    /// <summary>One page of an import's unbilled lines, from the database, and how many match the text in all.</summary>
    public async Task<(IReadOnlyList<Prorata.Domain.Reconciliation.UnbilledCharge> Page, int Total)> UnbilledAsync(Guid id, string? text, int skip, int take,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await StoredReconImports.UnbilledAsync(scope.ServiceProvider.GetRequiredService<ProrataDbContext>(), id, text, skip, take, cancellationToken);
    }

    /// <summary>The customer and offer names behind the subscription ids of a page of rows.</summary>
    internal async Task<ReconNames> NamesAsync(IEnumerable<string> subscriptionIds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReconNames.LoadAsync(scope.ServiceProvider.GetRequiredService<ProrataDbContext>(), subscriptionIds, cancellationToken);
    }

    /// <summary>Withdraws a stored import (<see cref="Application.Reconciliation.ReconImportWithdrawal"/>) and marks the one this process holds.</summary>
    public async Task<Application.SaveResult<Data.Reconciliation.ReconImport>> WithdrawAsync(Guid id, string? reason, string actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Application.Reconciliation.ReconImportWithdrawal>().WithdrawAsync(id, reason, actor, cancellationToken);
        if (result.Entity is { WithdrawnAt: { } at } stored && imports.TryGetValue(id, out var held))
        {
            held.Withdraw(at, stored.WithdrawnBy, stored.WithdrawalReason);
        }
        return result;
    }

    /// <summary>Spools and queues a file; <c>Duplicate</c> is true when the same bytes were imported before.</summary>
    /// <exception cref="ScenarioFormatException">The what-if scenario is malformed or past its limits; nothing is queued.</exception>
    /// <exception cref="FileLimitException">The file is past <see cref="Limits"/>; nothing is queued and no temporary file is left.</exception>
    public async Task<(ReconciliationImport Import, bool Duplicate)> EnqueueAsync(
        string fileName, Stream content, string? scenarioJson, CancellationToken cancellationToken)
    {
        var scenario = scenarioJson is null ? null : ScenarioJson.Parse(scenarioJson);
        if (scenario is not null)
        {
            Simulations.ScenarioLimits.Check(scenario);
        }
        var path = Path.Combine(Path.GetTempPath(), $"prorata-recon-{Guid.NewGuid():N}.upload");
        var queued = false;
        try
        {
            var sha256 = await UploadSpool.WriteAsync(content, path, limits.Value, cancellationToken);

            // One admission at a time, so that two uploads of the same file cannot both pass the duplicate check.
            await admission.WaitAsync(cancellationToken);
            try
            {
                var earlier = imports.Values.FirstOrDefault(i => i.Sha256 == sha256 && i.Status != ImportStatus.Refused);
                earlier ??= await StoredAsync(null, sha256, cancellationToken);
                if (earlier is not null)
                {
                    return (earlier, true);
                }
                var import = new ReconciliationImport(Guid.NewGuid(), Path.GetFileName(fileName), sha256, scenario?.Name, time.GetUtcNow());
                imports[import.Id] = import;
                await queue.Writer.WriteAsync(new QueuedImport(import, path, scenario), cancellationToken);
                queued = true;
                return (import, false);
            }
            finally
            {
                admission.Release();
            }
        }
        finally
        {
            // Refused, a duplicate, or an upload the client aborted: the worker will never see the file, so it goes now.
            if (!queued)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>An import stored before this process started, by id or by the SHA-256 of its bytes.</summary>
    private async Task<ReconciliationImport?> StoredAsync(Guid? id, string? sha256, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await StoredReconImports.LoadAsync(scope.ServiceProvider.GetRequiredService<ProrataDbContext>(), id, sha256, cancellationToken);
        return stored is null ? null : imports.GetOrAdd(stored.Id, stored);
    }
}
