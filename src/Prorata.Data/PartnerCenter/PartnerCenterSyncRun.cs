namespace Prorata.Data.PartnerCenter;

/// <summary>One sync with Partner Center: its progress while it runs and its result once finished (or why it stopped).</summary>
public sealed class PartnerCenterSyncRun
{
    public Guid Id { get; set; }

    /// <summary>A full pull lists every customer; an incremental one reads the activity log since the cursor.</summary>
    public bool IsFull { get; set; }

    public required string StartedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string Stage { get; set; }

    public int Done { get; set; }

    public int Total { get; set; }

    public int CustomersImported { get; set; }

    public int SubscriptionsImported { get; set; }

    /// <summary>Entries added to the license change log (and so billed on the next invoice).</summary>
    public int ChangesImported { get; set; }

    public int IssuesRaised { get; set; }

    public string? Error { get; set; }
}
