namespace Prorata.Data.Jobs;

/// <summary>
/// One run of a scheduled job, whichever app instance ran it: when it was due (null for a run staff asked for), when it
/// started and finished, how it ended and what it did. <see cref="ScheduledFor"/> is unique per job, so a due time runs
/// once across all instances even if two schedulers ever fired it.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; }
    public required string Job { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public JobOutcome? Outcome { get; set; }
    public string? Message { get; set; }

    /// <summary>The app instance (Quartz's instance id) that ran it.</summary>
    public required string Instance { get; set; }

    /// <summary>"schedule", or the staff member who asked for it.</summary>
    public required string TriggeredBy { get; set; }
}
