using Prorata.Application.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Web.Features.Jobs;

namespace Prorata.Web.Features.PartnerCenter;

/// <summary>An incremental Partner Center sync every PartnerCenter:Sync:IntervalMinutes (0 turns it off), once Partner Center is configured and consented.</summary>
public sealed class PartnerCenterSyncJob(PartnerCenterSyncRuns runs, PartnerCenterConnection connection, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<PartnerCenterSyncJob> logger) : RecordedJob(scopes, time, logger)
{
    protected override string Name => ProrataJobs.PartnerCenterSync;

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await PartnerCenterReady.CheckAsync(connection, services, cancellationToken);
        var run = runs.Start(full: false, startedBy: "schedule");
        await runs.WaitAsync(run.Id);
        var done = await runs.FindAsync(run.Id, cancellationToken) ?? run;
        if (done.Error is { } error) throw new InvalidOperationException($"The sync failed: {error}");
        return done.Outcome is { } o
            ? $"Synced: {o.CustomersImported:N0} customers, {o.SubscriptionsImported:N0} subscriptions and {o.ChangesImported:N0} changes imported, {o.IssuesRaised:N0} issues raised."
            : "Synced.";
    }
}

/// <summary>Whether a Partner Center job can run: configured, consented and not expired; otherwise it is skipped, saying which.</summary>
public static class PartnerCenterReady
{
    public static async Task CheckAsync(PartnerCenterConnection connection, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!connection.Configured) throw new JobSkipped("Partner Center is not configured.");
        var status = await services.GetRequiredService<PartnerCenterCredentials>().GetStatusAsync(cancellationToken);
        if (status is not { Consented: true, Expired: false }) throw new JobSkipped("Partner Center's consent is missing or expired: an Admin Agent must consent again.");
    }
}
