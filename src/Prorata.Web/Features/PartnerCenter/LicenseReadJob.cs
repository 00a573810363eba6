using Microsoft.Extensions.Options;
using Prorata.Application.PartnerCenter;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// Reads the linked tenants' licenses every PartnerCenter:Sync:LicenseReadHours (0 turns it off), once Partner Center is
/// configured and consented: the seats assigned that the renewals ahead suggest from. The clock is the app's TimeProvider.
/// </summary>
public sealed class LicenseReadJob(PartnerCenterConnection connection, IServiceScopeFactory scopes, TimeProvider time, IOptions<PartnerCenterSyncOptions> options,
    ILogger<LicenseReadJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!connection.Configured || options.Value.LicenseReadHours == 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromHours(options.Value.LicenseReadHours), time, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var credentials = scope.ServiceProvider.GetRequiredService<Integrations.PartnerCenter.Credentials.PartnerCenterCredentials>();
                if ((await credentials.GetStatusAsync(stoppingToken)) is not { Consented: true, Expired: false })
                {
                    continue;
                }
                var outcome = await scope.ServiceProvider.GetRequiredService<LicenseRead>().RunAsync(stoppingToken);
                logger.LogInformation("Licenses read: {Tenants} tenants, {Subscriptions} subscriptions, {Failures} tenants refused",
                    outcome.TenantsRead, outcome.SubscriptionsRead, outcome.Failures.Count);
                foreach (var failure in outcome.Failures)
                {
                    logger.LogWarning("Licenses not read for tenant {Failure}", failure);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next interval tries again: a failing read must not end the loop (nor stop the host).
                logger.LogError(e, "The scheduled license read could not run");
            }
        }
    }
}
