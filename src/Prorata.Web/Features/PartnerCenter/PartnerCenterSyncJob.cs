using Prorata.Application.PartnerCenter;
using Microsoft.Extensions.Options;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// An incremental sync every PartnerCenter:Sync:IntervalMinutes (0 turns it off), once Partner Center is configured and
/// consented. The clock is the app's TimeProvider, so tests move it instead of waiting.
/// </summary>
public sealed class PartnerCenterSyncJob(PartnerCenterSyncRuns runs, PartnerCenterConnection connection, IServiceProvider services,
    TimeProvider time, IOptions<PartnerCenterSyncOptions> options, ILogger<PartnerCenterSyncJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!connection.Configured || options.Value.IntervalMinutes == 0)
        {
            return;
        }
        var credentials = services.GetRequiredService<Integrations.PartnerCenter.Credentials.PartnerCenterCredentials>();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time, stoppingToken);
            try
            {
                if ((await credentials.GetStatusAsync(stoppingToken)) is { Consented: true, Expired: false })
                {
                    var run = runs.Start(full: false, startedBy: "schedule");
                    await runs.WaitAsync(run.Id);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next interval tries again: a failing schedule must not end the loop (nor stop the host).
                logger.LogError(e, "The scheduled Partner Center sync could not run");
            }
        }
    }
}
