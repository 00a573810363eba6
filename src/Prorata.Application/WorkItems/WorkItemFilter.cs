using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>Which work items to list; null fields do not filter. <see cref="State"/> null lists open and resolved alike.</summary>
public sealed record WorkItemFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public WorkItemState? State { get; init; } = WorkItemState.Open;
    public WorkItemKind? Kind { get; init; }
    public string? Code { get; init; }
    public string? AssignedTo { get; init; }
    public Guid? CustomerId { get; init; }
    public Guid? ContractId { get; init; }
    public Guid? SubscriptionId { get; init; }

    /// <summary>Words of the message, any case.</summary>
    public string? Text { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}
