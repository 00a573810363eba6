using Microsoft.Extensions.Options;
using Prorata.Data.Billing;

namespace Prorata.Web.Features.Billing;

/// <summary>
/// Bills the contracts due today, at start and then at 00:00 UTC every day (Prorata:Billing:DailyRun, on by default).
/// Running a date twice writes nothing, so a restart in the middle of the day is harmless.
/// </summary>
public sealed class DailyBillingJob(BillingRuns runs, TimeProvider time, IOptions<DailyBillingOptions> options, ILogger<DailyBillingJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DailyRun) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            try
            {
                var run = runs.Start(today, issue: true, startedBy: "daily job");
                await runs.WaitAsync(run.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tomorrow's run bills today's contracts too (a run bills what is due up to its date): the loop goes on.
                logger.LogError(e, "The daily billing run of {Date} could not start", today);
            }
            var nextMidnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await Task.Delay(nextMidnight - time.GetUtcNow(), time, stoppingToken);
        }
    }
}
