namespace Prorata.Data.Jobs;

/// <summary>How a job run ended. Stored as text: never rename one.</summary>
public enum JobOutcome
{
    Succeeded,

    /// <summary>Nothing to do (Partner Center not configured or not consented, the job turned off…): said why.</summary>
    Skipped,
    Failed,
}
