using System.Collections.Concurrent;
using System.Diagnostics;
using Prorata.Application.Billing;
using Prorata.Application.Telemetry;

namespace Prorata.Web.Features.Billing;

/// <summary>
/// Billing runs in the background of the app, each in its own scope, with their progress kept in memory for the page
/// and the API. Nothing here needs to survive a restart: the invoices are the durable state, and running the same
/// date again continues where a stopped run left off. Each run is a span and is measured: its duration, and its invoices
/// as they are stored (their rate is the run's invoices per second).
/// </summary>
public sealed class BillingRuns(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ProrataMetrics metrics, ILogger<BillingRuns> logger)
{
    private readonly ConcurrentDictionary<Guid, BillingRunStatus> _runs = new();
    private readonly ConcurrentDictionary<Guid, Task> _tasks = new();

    public IReadOnlyList<BillingRunStatus> Recent => _runs.Values.OrderByDescending(r => r.StartedAt).Take(20).ToList();

    public BillingRunStatus? Find(Guid id) => _runs.GetValueOrDefault(id);

    public BillingRunStatus Start(DateOnly date, bool issue, string startedBy)
    {
        var now = time.GetUtcNow();
        var status = new BillingRunStatus(Guid.CreateVersion7(now), date, issue, startedBy, now, new BillingRunProgress(date, 0, 0, 0, 0, false), null);
        _runs[status.Id] = status;
        _tasks[status.Id] = Task.Run(() => RunAsync(status, lifetime.ApplicationStopping));
        return status;
    }

    /// <summary>Waits for a run started here (tests, the CLI-like synchronous API option).</summary>
    public Task WaitAsync(Guid id) => _tasks.GetValueOrDefault(id) ?? Task.CompletedTask;

    private async Task RunAsync(BillingRunStatus status, CancellationToken cancellationToken)
    {
        using var activity = ProrataActivities.Source.StartActivity("billing run");
        activity?.SetTag("prorata.billing.date", status.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("prorata.billing.issue", status.Issue);
        var started = time.GetTimestamp();
        var outcome = "finished";
        var counted = 0;
        var gate = new Lock();
        // Invoices are counted as progress reports them, so a long run shows its rate while it runs, each invoice once.
        void Count(BillingRunProgress progress)
        {
            lock (gate)
            {
                if (progress.Invoiced <= counted) return;
                metrics.InvoicesStored(progress.Invoiced - counted);
                counted = progress.Invoiced;
            }
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<BillingRunner>();
            var progress = new Progress(p =>
            {
                _runs[status.Id] = _runs[status.Id] with { Progress = p };
                Count(p);
            });
            var result = await runner.RunAsync(status.Date, status.Issue, progress, cancellationToken);
            _runs[status.Id] = _runs[status.Id] with { Progress = result };
            Count(result);
            activity?.SetTag("prorata.billing.due", result.Due);
            activity?.SetTag("prorata.billing.invoices", result.Invoiced);
            activity?.SetTag("prorata.billing.failed", result.Failed);
            logger.LogInformation("Billing run {Date:yyyy-MM-dd}: {Invoiced} invoices, {AlreadyBilled} already billed, {Due} due, {Failed} failed, {Problems} work items",
                status.Date, result.Invoiced, result.AlreadyBilled, result.Due, result.Failed, result.Problems);
        }
        catch (Exception e)
        {
            // The run stops; what it stored is whole invoices, and running the date again continues.
            outcome = "stopped";
            logger.LogError(e, "Billing run {Date:yyyy-MM-dd} stopped", status.Date);
            _runs[status.Id] = _runs[status.Id] with { Error = e.Message };
            metrics.JobFailed("billing-run");
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        }
        finally
        {
            metrics.BillingRunEnded(time.GetElapsedTime(started), outcome, status.Issue);
        }
    }

    /// <summary>Reports synchronously: System.Progress would post to the thread pool and could report out of order.</summary>
    private sealed class Progress(Action<BillingRunProgress> report) : IProgress<BillingRunProgress>
    {
        public void Report(BillingRunProgress value) => report(value);
    }
}
