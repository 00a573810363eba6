using Prorata.Application.Receivables;
using Prorata.Web.Features.Jobs;

namespace Prorata.Web.Features.Receivables;

/// <summary>
/// Runs dunning at start and every day after billing (Prorata:Dunning:DailyRun): a reminder step is sent once per invoice
/// whatever runs it, so a restart is harmless.
/// </summary>
public sealed class DailyDunningJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyDunningJob> logger) : RecordedJob(scopes, time, logger)
{
    protected override string Name => ProrataJobs.Dunning;

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<DunningRun>().RunAsync(cancellationToken);
        return $"{outcome.Reminders:N0} reminders, {outcome.Held:N0} customers put on hold, {outcome.Lifted:N0} holds lifted.";
    }
}
