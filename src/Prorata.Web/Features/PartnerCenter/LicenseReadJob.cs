using Prorata.Application.PartnerCenter;
using Prorata.Web.Features.Jobs;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>
/// Reads the linked tenants' licenses every PartnerCenter:Sync:LicenseReadHours (0 turns it off), once Partner Center is
/// configured and consented: the seats assigned that the renewals ahead suggest from.
/// </summary>
public sealed class LicenseReadJob(PartnerCenterConnection connection, IServiceScopeFactory scopes, TimeProvider time, ILogger<LicenseReadJob> logger)
    : RecordedJob(scopes, time, logger)
{
    protected override string Name => ProrataJobs.LicenseRead;

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await PartnerCenterReady.CheckAsync(connection, services, cancellationToken);
        var outcome = await services.GetRequiredService<LicenseRead>().RunAsync(cancellationToken);
        return $"Licenses read: {outcome.TenantsRead:N0} tenants, {outcome.SubscriptionsRead:N0} subscriptions"
            + (outcome.Failures.Count == 0 ? "." : $"; refused for {string.Join(", ", outcome.Failures)}.");
    }
}
