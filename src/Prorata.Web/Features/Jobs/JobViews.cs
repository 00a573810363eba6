using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Jobs;
using Quartz;

namespace Prorata.Web.Features.Jobs;

/// <summary>A job as the jobs page shows it: its definition, its latest run and when it runs next (null: no trigger, so only by hand).</summary>
public sealed record JobView(ScheduledJob Job, JobRun? LastRun, DateTimeOffset? NextRun);

/// <summary>Reads the jobs, their runs (from any instance) and their next due times, and runs one now.</summary>
public sealed class JobViews(ProrataDbContext db, ISchedulerFactory schedulers, IConfiguration configuration)
{
    public async Task<IReadOnlyList<JobView>> AllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var runs = (await db.JobRuns.AsNoTracking().ToListAsync(cancellationToken)).GroupBy(r => r.Job).ToDictionary(g => g.Key, g => g.MaxBy(r => r.StartedAt));
        var views = new List<JobView>();
        foreach (var job in ProrataJobs.All(configuration))
        {
            var triggers = await scheduler.GetTriggersOfJob(ProrataJobs.KeyOf(job.Key), cancellationToken);
            views.Add(new JobView(job, runs.GetValueOrDefault(job.Key), triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min()));
        }
        return views;
    }

    /// <summary>The job's runs, newest first (at most <paramref name="take"/>); null for a job that does not exist.</summary>
    public async Task<IReadOnlyList<JobRun>?> RunsAsync(string job, int take, CancellationToken cancellationToken) =>
        ProrataJobs.All(configuration).Any(j => j.Key == job)
            ? (await db.JobRuns.AsNoTracking().Where(r => r.Job == job).ToListAsync(cancellationToken)).OrderByDescending(r => r.StartedAt).Take(take).ToList()
            : null;

    /// <summary>Fires the job now on whichever instance picks it up, in the name of <paramref name="by"/>; false for an unknown job.</summary>
    public async Task<bool> RunNowAsync(string job, string by, CancellationToken cancellationToken)
    {
        if (ProrataJobs.All(configuration).All(j => j.Key != job)) return false;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(ProrataJobs.KeyOf(job), new JobDataMap { [RecordedJob.TriggeredByKey] = by }, cancellationToken);
        return true;
    }
}
