using Microsoft.EntityFrameworkCore;
using Prorata.Application.Reconciliation;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Matches queued recon files one at a time, streaming: lines are read, matched, stored and dropped (discrepancies are
/// read back from the database a page at a time), so memory stays flat whatever the file; progress is published every
/// 10,000 rows. A refused file
/// (bad row, cut file, wrong header) ends with its error and no result: its transaction is rolled back, nothing is kept.
/// </summary>
public sealed class ReconciliationImportWorker(
    ReconciliationImports imports, IServiceScopeFactory scopes, TimeProvider time, ILogger<ReconciliationImportWorker> logger)
    : BackgroundService
{
    private const int ProgressEvery = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            await ReconImportWriter.RemoveUnfinishedAsync(db, stoppingToken);
            // A stop between the last import's commit and its work items left them out: raising them again adds only what is missing.
            await ReconWorkItems.RaiseForLatestAsync(db, time, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Recon imports left unfinished by a stop could not be removed; they stay hidden");
        }
        await foreach (var queued in imports.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await ExpectedAsync(queued, stoppingToken) is { } expected)
                {
                    await MatchAsync(queued, expected, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever one file does, the worker goes on with the next and the host keeps serving: the import ends
                // refused with the reason, its transaction rolled back.
                logger.LogError(e, "Recon file {FileName} could not be imported", queued.Import.FileName);
                queued.Import.Refuse($"The import failed and stored nothing: {e.Message}", time.GetUtcNow());
            }
            finally
            {
                File.Delete(queued.SpoolPath);
            }
        }
    }

    /// <summary>
    /// Matches the file on a worker thread while every line goes into the database in the same transaction as its
    /// import; the import is committed with its summary only when the whole file was read, so a refused file stores nothing.
    /// </summary>
    private async Task MatchAsync(QueuedImport queued, ExpectedCharges expected, CancellationToken cancellationToken)
    {
        var import = queued.Import;
        import.Start();
        var matcher = new Matcher(expected.Charges, expected.Subscriptions, expected.Usage);
        // Unbilled lines go to the writer as they are found, not into memory: a file of unknown subscriptions is unbilled line by line.
        var unbilled = new UnbilledRevenue(expected.BilledPeriods, keepCharges: false);
        var unbilledByCurrency = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        long rows = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        ReconImportWriter writer;
        try
        {
            writer = await ReconImportWriter.BeginAsync(db, new ReconImport
            {
                Id = import.Id, FileName = import.FileName, Sha256 = import.Sha256, ScenarioName = import.ScenarioName, ReceivedAt = import.ReceivedAt,
                FinishedAt = import.ReceivedAt,
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique SHA-256: the same bytes were stored by an earlier import (before a restart, or a race).
            import.Refuse("The same file was imported before; it is not counted twice.", time.GetUtcNow());
            return;
        }
        ReconFileFormatException? refused = null;
        await using (writer)
        {
            try
            {
                await Task.Run(() =>
                {
                    using var file = File.OpenRead(queued.SpoolPath);
                    Span<byte> head = stackalloc byte[2];
                    var headLength = file.Read(head);
                    file.Position = 0;
                    foreach (var line in InvoiceReconReader.Read(file, InvoiceReconReader.DetectFormat(head[..headLength]), imports.Limits))
                    {
                        var outcome = matcher.Match(line);
                        writer.Write(outcome);
                        if (unbilled.Check(line) is { } charge)
                        {
                            writer.WriteUnbilled(new UnbilledRow(line.Row, charge.UncoveredDays, charge.Amount));
                            unbilledByCurrency[line.Currency] = unbilledByCurrency.GetValueOrDefault(line.Currency) + charge.Amount;
                        }
                        if (++rows % ProgressEvery == 0)
                        {
                            import.Progress(rows);
                        }
                    }
                }, cancellationToken);
            }
            catch (ReconFileFormatException e)
            {
                refused = e;
            }
            if (refused is null)
            {
                import.Progress(rows);
                var (missing, summary) = (matcher.Missing(), matcher.Summarize().WithUnbilled(unbilledByCurrency));
                var finishedAt = time.GetUtcNow();
                await writer.CompleteAsync(rows, summary, missing, [], unbilled.Total, finishedAt, cancellationToken);
                // Done once its work items are raised too, so whoever waits for it finds them.
                await RaiseWorkItemsAsync(db, import.Id, import.FileName);
                import.Complete(summary, missing, unbilled, finishedAt);
            }
        }
        if (refused is not null)
        {
            // Only once the writer is disposed, which on SQLite removes the batches already committed: a refused import
            // is reported when nothing of it is left.
            import.Refuse(refused.Message, time.GetUtcNow());
            logger.LogWarning("Recon file {FileName} refused: {Error}", import.FileName, refused.Message);
            return;
        }
        logger.LogInformation("Recon file {FileName}: {Rows} rows matched and stored in {Seconds:F1} s", import.FileName, rows, import.Seconds);
    }

    /// <summary>
    /// The stored import's discrepancies, missing charges and revenue leaks become work items. The import is committed
    /// already: a failure here is logged, and the next start raises them again.
    /// </summary>
    private async Task RaiseWorkItemsAsync(ProrataDbContext db, Guid importId, string fileName)
    {
        try
        {
            await ReconWorkItems.RaiseAsync(db, importId, fileName, time, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Work items of recon file {FileName} could not be raised; the next start raises them", fileName);
        }
    }

    /// <summary>The what-if scenario's charges, else the stored ones; null (and the import refused) when they cannot be computed.</summary>
    private async Task<ExpectedCharges?> ExpectedAsync(QueuedImport queued, CancellationToken cancellationToken)
    {
        try
        {
            if (queued.Scenario is not null)
            {
                return FromScenario(queued.Scenario);
            }
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StoredExpectedCharges>().LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The worker must go on with the next file; this one is refused with the reason rather than left queued.
            logger.LogError(e, "Expected charges for recon file {FileName} could not be computed", queued.Import.FileName);
            queued.Import.Refuse($"The expected charges could not be computed: {e.Message}", time.GetUtcNow());
            return null;
        }
    }

    // The scenario's subscription ids are Partner Center SubscriptionIds; its invoices are what customers were billed.
    private static ExpectedCharges FromScenario(Scenario scenario)
    {
        var result = Simulator.Run(scenario);
        var subscriptions = scenario.Events
            .Where(e => e.Type == SubscriptionEventType.Purchase).Select(e => e.Subscription)
            .Concat(scenario.Events.Select(e => e.NewSubscription).OfType<string>())
            .ToList();
        var billed = result.Invoices.SelectMany(i => i.Lines).Select(l => new BilledPeriod(l.Subscription, l.PeriodStart, l.PeriodEnd)).ToList();
        return new ExpectedCharges(result.ProviderCharges, subscriptions, billed);
    }
}
