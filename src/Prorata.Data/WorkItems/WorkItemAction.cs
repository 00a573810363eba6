namespace Prorata.Data.WorkItems;

/// <summary>What happened to a work item, in its history.</summary>
public enum WorkItemAction
{
    Raised,
    Note,
    Assigned,
    Resolved,
    Reopened,
}
