using Prorata.Domain.Reconciliation;
using Prorata.Domain.Simulation;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Web.Features.Reconciliation;

/// <summary>
/// Matches queued recon files one at a time, streaming: lines are read, matched and dropped, keeping only the
/// discrepancies, and progress is published every 10,000 rows. A refused file (bad row, cut file, wrong header)
/// ends with its error and no result: nothing of it is kept.
/// </summary>
public sealed class ReconciliationImportWorker(
    ReconciliationImports imports, IServiceScopeFactory scopes, TimeProvider time, ILogger<ReconciliationImportWorker> logger)
    : BackgroundService
{
    private const int ProgressEvery = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var queued in imports.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await ExpectedAsync(queued, stoppingToken) is { } expected)
                {
                    await Task.Run(() => Match(queued, expected), stoppingToken);
                }
            }
            finally
            {
                File.Delete(queued.SpoolPath);
            }
        }
    }

    private void Match(QueuedImport queued, ExpectedCharges expected)
    {
        var import = queued.Import;
        import.Start();
        var matcher = new Matcher(expected.Charges, expected.Subscriptions);
        var unbilled = new UnbilledRevenue(expected.BilledPeriods);
        var discrepancies = new List<LineMatch>();
        long rows = 0;
        try
        {
            using var file = File.OpenRead(queued.SpoolPath);
            Span<byte> head = stackalloc byte[2];
            var headLength = file.Read(head);
            file.Position = 0;
            foreach (var line in InvoiceReconReader.Read(file, InvoiceReconReader.DetectFormat(head[..headLength])))
            {
                var outcome = matcher.Match(line);
                if (outcome.State != ReconState.Matched)
                {
                    discrepancies.Add(outcome);
                }
                unbilled.Check(line);
                if (++rows % ProgressEvery == 0)
                {
                    import.Progress(rows);
                }
            }
        }
        catch (ReconFileFormatException e)
        {
            import.Refuse(e.Message, time.GetUtcNow());
            logger.LogWarning("Recon file {FileName} refused: {Error}", import.FileName, e.Message);
            return;
        }
        import.Progress(rows);
        import.Complete(new ReconResult(discrepancies, matcher.Missing(), matcher.Summarize()), unbilled, time.GetUtcNow());
        logger.LogInformation("Recon file {FileName}: {Rows} rows matched in {Seconds:F1} s", import.FileName, rows, import.Seconds);
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
            .Where(e => e.Type == ScenarioEventType.Purchase).Select(e => e.Subscription)
            .Concat(scenario.Events.Select(e => e.NewSubscription).OfType<string>())
            .ToList();
        var billed = result.Invoices.SelectMany(i => i.Lines).Select(l => new BilledPeriod(l.Subscription, l.PeriodStart, l.PeriodEnd)).ToList();
        return new ExpectedCharges(result.ProviderCharges, subscriptions, billed);
    }
}
