using Prorata.Web.Features.Jobs;

namespace Prorata.Web.Features.Billing;

/// <summary>
/// Bills the contracts due today (Prorata:Billing:DailyRun, on by default): at start and at 00:00 UTC every day. Running a
/// date twice writes nothing, so a restart, or a second instance, in the middle of the day is harmless.
/// </summary>
public sealed class DailyBillingJob(BillingRuns runs, IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyBillingJob> logger)
    : RecordedJob(scopes, time, logger)
{
    protected override string Name => ProrataJobs.DailyBilling;

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var run = runs.Start(today, issue: true, startedBy: "daily job");
        await runs.WaitAsync(run.Id);
        var done = runs.Find(run.Id) ?? run;
        if (done.Error is { } error) throw new InvalidOperationException($"The billing run of {today:yyyy-MM-dd} failed: {error}");
        var p = done.Progress;
        return $"Billed {today:yyyy-MM-dd}: {p.Invoiced:N0} invoices of {p.Due:N0} contracts due, {p.AlreadyBilled:N0} billed before, {p.Failed:N0} failed.";
    }
}
