using Microsoft.Extensions.Options;
using Prorata.Application.Receivables;

namespace Prorata.Web.Features.Receivables;

/// <summary>
/// Runs dunning at start and then at 00:00 UTC every day (Prorata:Dunning:DailyRun): a reminder step is sent once per
/// invoice whatever runs it, so a restart is harmless.
/// </summary>
public sealed class DailyDunningJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<DunningOptions> options, ILogger<DailyDunningJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DailyRun) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<DunningRun>().RunAsync(stoppingToken);
                logger.LogInformation("Dunning: {Reminders} reminders, {Held} customers put on hold, {Lifted} holds lifted", outcome.Reminders, outcome.Held, outcome.Lifted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Dunning failed; it runs again at the next midnight");
            }
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var nextMidnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await Task.Delay(nextMidnight - time.GetUtcNow(), time, stoppingToken);
        }
    }
}
