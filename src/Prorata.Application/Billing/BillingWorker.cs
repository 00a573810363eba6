using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Prorata.Data;
using Prorata.Data.Billing;

namespace Prorata.Application.Billing;

/// <summary>
/// One of any number of processes sharing a date's billing run with no coordinator (docs/scaling.md): the first to come
/// splits the due contracts into chunks, then every worker claims the next free chunk, bills its contracts with
/// <see cref="BillingRunner"/> and marks it finished, until every chunk is. A claim is a lease the holder renews; a chunk
/// whose holder stopped renewing it (killed, stalled) is free again once the lease has run out, and its new holder skips
/// the contracts the first one had invoiced. On PostgreSQL a claim skips the chunks other workers are claiming at that
/// moment (FOR UPDATE SKIP LOCKED); SQLite has one writer, so one worker process, with the same statement without it.
/// </summary>
public sealed class BillingWorker(ProrataDbContext db, BillingOptions options, TimeProvider time, BillingWorkerSettings settings, bool sendIssued = false)
{
    private readonly DbContextOptions<ProrataDbContext> contextOptions = (DbContextOptions<ProrataDbContext>)db.GetService<IDbContextOptions>();

    /// <summary>
    /// The date's chunks: the ones already planned, or — when there are none — the due contracts in id order, split now.
    /// Two workers planning at once insert the same chunk numbers; the key lets one set in and the other reads it.
    /// </summary>
    public async Task<BillingRunPlan> PlanAsync(DateOnly date, bool issue, CancellationToken cancellationToken)
    {
        if (await PlannedAsync(date, cancellationToken) is { } planned) return planned;
        var due = await new BillingRunner(db, options, time).DueAsync(date, cancellationToken);
        if (due.Count == 0) return new BillingRunPlan(date, 0, 0, issue, PlannedHere: false);
        var now = time.GetUtcNow();
        await using var chunks = new ProrataDbContext(contextOptions);
        chunks.BillingRunChunks.AddRange(due.Chunk(settings.ChunkSize).Select((ids, i) => new BillingRunChunk
        {
            BillingDate = date, Number = i + 1, ContractIds = [.. ids], Issue = issue, CreatedAt = now,
        }));
        try
        {
            await chunks.SaveChangesAsync(cancellationToken);
            return new BillingRunPlan(date, (due.Count + settings.ChunkSize - 1) / settings.ChunkSize, due.Count, issue, PlannedHere: true);
        }
        catch (DbUpdateException)
        {
            return await PlannedAsync(date, cancellationToken) ?? throw new InvalidOperationException($"The chunks of {date:yyyy-MM-dd} could not be stored.");
        }
    }

    /// <summary>Claims and bills chunks of the planned run until every chunk is finished, by this worker or others.</summary>
    public async Task<BillingWorkerResult> RunAsync(BillingRunPlan plan, IProgress<BillingWorkerResult>? progress, CancellationToken cancellationToken)
    {
        var result = new BillingWorkerResult(plan.Date, plan.Chunks, 0, 0, 0, 0, 0);
        var runner = new BillingRunner(db, options, time, sendIssued);
        await using var chunks = new ProrataDbContext(contextOptions);
        while (true)
        {
            if (await ClaimAsync(chunks, plan.Date, cancellationToken) is not { } number)
            {
                if (!await chunks.BillingRunChunks.AnyAsync(c => c.BillingDate == plan.Date && c.FinishedAt == null, cancellationToken)) return result;
                // The rest is held by live workers: wait for them to finish it, or for a lease to run out.
                await Task.Delay(settings.PollInterval, time, cancellationToken);
                continue;
            }
            var chunk = await chunks.BillingRunChunks.AsNoTracking().Where(c => c.BillingDate == plan.Date && c.Number == number)
                .Select(c => new { c.ContractIds, c.Attempts }).SingleAsync(cancellationToken);
            BillingRunProgress billed;
            using (var beating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var heartbeat = HeartbeatAsync(plan.Date, number, beating.Token);
                try
                {
                    billed = await runner.RunAsync(plan.Date, chunk.ContractIds, plan.Issue, null, cancellationToken);
                }
                finally
                {
                    await beating.CancelAsync();
                    await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            var now = time.GetUtcNow();
            await chunks.BillingRunChunks.Where(c => c.BillingDate == plan.Date && c.Number == number && c.FinishedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.FinishedAt, now).SetProperty(c => c.Invoiced, billed.Invoiced), cancellationToken);
            result = result with
            {
                ChunksBilled = result.ChunksBilled + 1,
                TakenOver = result.TakenOver + (chunk.Attempts > 1 ? 1 : 0),
                Contracts = result.Contracts + billed.Due,
                Invoiced = result.Invoiced + billed.Invoiced,
                AlreadyBilled = result.AlreadyBilled + billed.AlreadyBilled,
                Failed = result.Failed + billed.Failed,
                Problems = result.Problems + billed.Problems,
            };
            progress?.Report(result);
        }
    }

    private async Task<BillingRunPlan?> PlannedAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var chunks = await db.BillingRunChunks.AsNoTracking().Where(c => c.BillingDate == date)
            .Select(c => new { c.ContractIds.Count, c.Issue }).ToListAsync(cancellationToken);
        return chunks.Count == 0 ? null : new BillingRunPlan(date, chunks.Count, chunks.Sum(c => c.Count), chunks[0].Issue, PlannedHere: false);
    }

    /// <summary>
    /// Takes the lowest-numbered chunk nobody holds (never claimed, or its lease run out) in one statement; null when none
    /// is free. The sub-select's row lock lasts only this statement: from then on the fresh heartbeat is what keeps
    /// others off, so a worker that dies holds nothing the server must notice.
    /// </summary>
    private async Task<int?> ClaimAsync(ProrataDbContext chunks, DateOnly date, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sql = $$"""
            UPDATE "BillingRunChunks" SET "ClaimedBy" = {0}, "HeartbeatAt" = {1}, "Attempts" = "Attempts" + 1
            WHERE "BillingDate" = {2} AND "Number" = (
                SELECT "Number" FROM "BillingRunChunks"
                WHERE "BillingDate" = {2} AND "FinishedAt" IS NULL AND ("HeartbeatAt" IS NULL OR "HeartbeatAt" < {3})
                ORDER BY "Number" LIMIT 1{{(chunks.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "")}})
            RETURNING "Number" AS "Value"
            """;
        var claimed = await chunks.Database.SqlQueryRaw<int>(sql, settings.Name, Stamp(chunks, now), date, Stamp(chunks, now - settings.Lease))
            .ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>
    /// Renews the lease every third of it while the chunk is billed, on a connection of its own. A lease lost anyway (a
    /// stall longer than the lease) is harmless: the other holder and this one skip each other's invoices.
    /// </summary>
    private async Task HeartbeatAsync(DateOnly date, int number, CancellationToken cancellationToken)
    {
        await using var beat = new ProrataDbContext(contextOptions);
        using var timer = new PeriodicTimer(settings.Lease / 3, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            await beat.BillingRunChunks.Where(c => c.BillingDate == date && c.Number == number && c.ClaimedBy == settings.Name && c.FinishedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.HeartbeatAt, now), cancellationToken);
        }
    }

    /// <summary>A time as the column stores it: SQLite keeps DateTimeOffset as a sortable integer (ProrataDbContext).</summary>
    private static object Stamp(ProrataDbContext chunks, DateTimeOffset at) =>
        chunks.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)! : at;
}
