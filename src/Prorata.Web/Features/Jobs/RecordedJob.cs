using Microsoft.EntityFrameworkCore;
using Prorata.Application.Telemetry;
using Prorata.Data;
using Prorata.Data.Jobs;
using Quartz;

namespace Prorata.Web.Features.Jobs;

/// <summary>
/// A scheduled job whose every run is written to <see cref="JobRun"/> (the jobs page reads it): who ran it, when it was
/// due, how long it took and how it ended. A due time is claimed once across app instances by the run's unique
/// (job, due time) row, so even a trigger fired twice runs once. A failure is recorded and logged, never thrown back into
/// the scheduler: the next due time tries again.
/// </summary>
[DisallowConcurrentExecution]
public abstract class RecordedJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : IJob
{
    public const string TriggeredByKey = "triggeredBy";

    /// <summary>The app's clock, for the work's own dates.</summary>
    protected TimeProvider Clock { get; } = time;

    /// <summary>The job's key in <see cref="ProrataJobs"/>.</summary>
    protected abstract string Name { get; }

    /// <summary>Does the work in its own scope; returns what it did in a sentence, or throws <see cref="JobSkipped"/>.</summary>
    protected abstract Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var triggeredBy = context.MergedJobDataMap.TryGetString(TriggeredByKey, out var by) && by is not null ? by : "schedule";
        // A run staff asked for has no due time of its own; a scheduled one is identified by it.
        DateTimeOffset? due = triggeredBy == "schedule" ? context.ScheduledFireTimeUtc : null;
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(Clock.GetUtcNow()),
            Job = Name,
            ScheduledFor = due,
            StartedAt = Clock.GetUtcNow(),
            Instance = context.Scheduler.SchedulerInstanceId,
            TriggeredBy = triggeredBy,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            db.JobRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                logger.LogInformation("Job {Job} due {Due} already ran on another instance", Name, due);
                return;
            }
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            run.Message = await RunAsync(scope.ServiceProvider, cancellationToken);
            run.Outcome = JobOutcome.Succeeded;
        }
        catch (JobSkipped skipped)
        {
            run.Message = skipped.Message;
            run.Outcome = JobOutcome.Skipped;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Job {Job} failed", Name);
            using (var scope = scopes.CreateScope()) scope.ServiceProvider.GetRequiredService<ProrataMetrics>().JobFailed(Name);
            run.Message = e.Message.Length <= 2000 ? e.Message : e.Message[..2000];
            run.Outcome = JobOutcome.Failed;
        }
        run.FinishedAt = Clock.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
            db.JobRuns.Attach(run).State = EntityState.Modified;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}

/// <summary>Thrown by a job that had nothing to do, with why (Partner Center not consented…): recorded as Skipped.</summary>
public sealed class JobSkipped(string message) : Exception(message);
