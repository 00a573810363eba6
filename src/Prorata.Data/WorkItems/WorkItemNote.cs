namespace Prorata.Data.WorkItems;

/// <summary>One line of a work item's history: who did what and when, with their words. Never changed afterwards.</summary>
public sealed class WorkItemNote
{
    public long Id { get; set; }

    public long WorkItemId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Author { get; set; }

    public WorkItemAction Action { get; set; }

    public string? Text { get; set; }
}
