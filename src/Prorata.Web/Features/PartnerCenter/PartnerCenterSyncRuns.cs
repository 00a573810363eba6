using Prorata.Application.PartnerCenter;
using System.Collections.Concurrent;
using System.Diagnostics;
using Prorata.Application.Telemetry;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Sync;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// Sync runs in the background, one at a time: asking while one runs returns that one, since two pulls from the same
/// cursor would only race for it. Live progress is kept in memory; each run's row records its start and its result (and
/// the last successful one is what the sync-lag gauge reads). Each run is a span; a stopped one counts as a failed job.
/// </summary>
public sealed class PartnerCenterSyncRuns(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ProrataMetrics metrics,
    ILogger<PartnerCenterSyncRuns> logger)
{
    private readonly ConcurrentDictionary<Guid, SyncRunStatus> _live = new();
    private readonly Lock _gate = new();
    private (Guid Id, Task Task)? _current;

    public SyncRunStatus Start(bool full, string startedBy)
    {
        lock (_gate)
        {
            if (_current is { } current && !current.Task.IsCompleted && _live.TryGetValue(current.Id, out var running))
            {
                return running;
            }
            var now = time.GetUtcNow();
            var status = new SyncRunStatus(Guid.CreateVersion7(now), full, startedBy, now, null, new SyncProgress("starting", 0, 0), null, null);
            _live[status.Id] = status;
            _current = (status.Id, Task.Run(() => RunAsync(status, lifetime.ApplicationStopping)));
            return status;
        }
    }

    /// <summary>Waits for a run started here (tests, and the API's <c>wait=true</c>).</summary>
    public Task WaitAsync(Guid id) => _current is { } current && current.Id == id ? current.Task : Task.CompletedTask;

    public async Task<SyncRunStatus?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(id, out var live))
        {
            return live;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var row = await db.PartnerCenterSyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row is null ? null : From(row);
    }

    /// <summary>The latest run: the one going on, else the last one stored.</summary>
    public async Task<SyncRunStatus?> LatestAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && _live.TryGetValue(current.Id, out var live))
        {
            return live;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        // Ordered in memory: SQLite cannot order by a DateTimeOffset column, and the runs table stays small.
        var rows = await db.PartnerCenterSyncRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(1).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : From(rows[0]);
    }

    private async Task RunAsync(SyncRunStatus status, CancellationToken cancellationToken)
    {
        using var activity = ProrataActivities.Source.StartActivity("partner center sync");
        activity?.SetTag("prorata.sync.full", status.Full);
        var row = new PartnerCenterSyncRun { Id = status.Id, IsFull = status.Full, StartedBy = status.StartedBy, StartedAt = status.StartedAt, Stage = "starting" };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            db.PartnerCenterSyncRuns.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            var sync = scope.ServiceProvider.GetRequiredService<PartnerCenterSync>();
            var outcome = await sync.RunAsync(status.Full, new Progress(p => _live[status.Id] = _live[status.Id] with { Progress = p }), cancellationToken);
            row.IsFull = outcome.Full;
            row.CustomersImported = outcome.CustomersImported;
            row.SubscriptionsImported = outcome.SubscriptionsImported;
            row.ChangesImported = outcome.ChangesImported;
            row.IssuesRaised = outcome.IssuesRaised;
            _live[status.Id] = _live[status.Id] with { Full = outcome.Full, Outcome = outcome };
            activity?.SetTag("prorata.sync.changes", outcome.ChangesImported);
            activity?.SetTag("prorata.sync.issues", outcome.IssuesRaised);
            logger.LogInformation("Partner Center sync: {Changes} changes logged, {Issues} exceptions raised, {Subscriptions} subscriptions first seen",
                outcome.ChangesImported, outcome.IssuesRaised, outcome.SubscriptionsImported);
        }
        catch (Exception e)
        {
            // What was applied is whole batches with their cursor; the next run continues from there.
            logger.LogError(e, "Partner Center sync stopped");
            metrics.JobFailed("partner-center-sync");
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            row.Error = e.Message;
            _live[status.Id] = _live[status.Id] with { Error = e.Message };
        }
        finally
        {
            await RecordAsync(row, status.Id);
        }
    }

    /// <summary>Stores the run's end; not cancellable, since a run stopped by shutdown must still say where it stopped.</summary>
    private async Task RecordAsync(PartnerCenterSyncRun row, Guid id)
    {
        var progress = _live[id].Progress;
        row.FinishedAt = time.GetUtcNow();
        row.Stage = row.Error is null ? "finished" : "stopped";
        row.Done = progress.Done;
        row.Total = progress.Total;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            if (await db.PartnerCenterSyncRuns.AnyAsync(r => r.Id == row.Id))
            {
                db.PartnerCenterSyncRuns.Update(row);
            }
            else
            {
                db.PartnerCenterSyncRuns.Add(row);
            }
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Partner Center sync run {Id} could not be recorded", id);
        }
        _live[id] = _live[id] with { FinishedAt = row.FinishedAt, Progress = new SyncProgress(row.Stage, row.Done, row.Total) };
    }

    private static SyncRunStatus From(PartnerCenterSyncRun row) => new(row.Id, row.IsFull, row.StartedBy, row.StartedAt, row.FinishedAt,
        new SyncProgress(row.Stage, row.Done, row.Total),
        row.FinishedAt is null || row.Error is not null ? null : new SyncOutcome(row.IsFull, row.CustomersImported, row.SubscriptionsImported, row.ChangesImported, row.IssuesRaised),
        row.Error);

    /// <summary>Reports synchronously: System.Progress would post to the thread pool and could report out of order.</summary>
    private sealed class Progress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
