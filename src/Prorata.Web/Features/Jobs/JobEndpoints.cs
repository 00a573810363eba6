using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Prorata.Data.Jobs;
using Prorata.Web.Infrastructure.Auth;
using Prorata.Web.Infrastructure.Persistence;

namespace Prorata.Web.Features.Jobs;

/// <summary>/api/v1/jobs: the scheduled jobs, their runs, and running one now (Owner, BillingAdmin, Finance: the ones who run billing).</summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Policies.StaffRead);
        api.MapGet("/", async (JobViews views, CancellationToken ct) => TypedResults.Ok((await views.AllAsync(ct)).Select(JobResponse.From).ToList()))
            .WithName("ListJobs").WithSummary("Each scheduled job: its schedule, whether the settings turn it on, its latest run and its next due time");
        api.MapGet("/{job}/runs", async Task<Results<Ok<List<JobRunResponse>>, ProblemHttpResult>> (string job, JobViews views, CancellationToken ct) =>
                await views.RunsAsync(job, 100, ct) is { } runs ? TypedResults.Ok(runs.Select(JobRunResponse.From).ToList()) : NoJob(job))
            .WithName("ListJobRuns");
        api.MapPost("/{job}/run", async Task<Results<Accepted, ProblemHttpResult>> (string job, JobViews views, ClaimsPrincipal user, CancellationToken ct) =>
                await views.RunNowAsync(job, user.Identity?.Name ?? "staff", ct) ? TypedResults.Accepted($"/api/v1/jobs/{job}/runs") : NoJob(job))
            .WithName("RunJobNow").RequireAuthorization(Policies.BillingWrite).WithSummary("Runs the job now, on whichever instance picks it up; its run appears in /runs");

        var forms = app.MapGroup("/jobs").RequireAuthorization(Policies.BillingWrite).ExcludeFromDescription();
        forms.MapPost("/{job}/run", async (string job, IFormCollection form, JobViews views, ClaimsPrincipal user, CancellationToken ct) =>
            await views.RunNowAsync(job, user.Identity?.Name ?? "staff", ct)
                ? TypedResults.LocalRedirect($"/jobs?message={Uri.EscapeDataString($"Started {job}: its run shows below once it finishes.")}")
                : (IResult)TypedResults.NotFound());
        return app;
    }

    private static ProblemHttpResult NoJob(string job) => SaveResultHttp.NotFound($"No job is named '{job}'; see GET /api/v1/jobs.");
}

public sealed record JobRunResponse(Guid Id, DateTimeOffset? ScheduledFor, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? Seconds, string? Outcome,
    string? Message, string Instance, string TriggeredBy)
{
    public static JobRunResponse From(JobRun r) => new(r.Id, r.ScheduledFor, r.StartedAt, r.FinishedAt, r.FinishedAt is { } f ? (f - r.StartedAt).TotalSeconds : null,
        r.Outcome is { } o ? char.ToLowerInvariant(o.ToString()[0]) + o.ToString()[1..] : null, r.Message, r.Instance, r.TriggeredBy);
}

public sealed record JobResponse(string Key, string Title, string Description, string Schedule, bool Enabled, DateTimeOffset? NextRun, JobRunResponse? LastRun)
{
    public static JobResponse From(JobView v) => new(v.Job.Key, v.Job.Title, v.Job.Description, v.Job.Schedule, v.Job.Enabled, v.NextRun,
        v.LastRun is null ? null : JobRunResponse.From(v.LastRun));
}
