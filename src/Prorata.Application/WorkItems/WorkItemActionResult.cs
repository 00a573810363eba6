using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>What a person's action on work items did: the items as they are now, or why nothing was changed.</summary>
public sealed record WorkItemActionResult(IReadOnlyList<WorkItem> Items, string? NotFound, string? Invalid)
{
    public static WorkItemActionResult Done(params WorkItem[] items) => new(items, null, null);

    public static WorkItemActionResult Missing(string message) => new([], message, null);

    public static WorkItemActionResult Refused(string message) => new([], null, message);
}
