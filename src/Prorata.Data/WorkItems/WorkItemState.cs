namespace Prorata.Data.WorkItems;

public enum WorkItemState
{
    Open,
    Resolved,
}
