using Prorata.Application.WorkItems;

namespace Prorata.Web.Features.Exceptions;

/// <summary>A page of work items; <see cref="AtStake"/> and <see cref="PerKind"/> cover every item the filter matches.</summary>
public sealed record WorkItemListResponse(
    IReadOnlyList<WorkItemResponse> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<MoneyAtStake> AtStake,
    IReadOnlyDictionary<string, int> PerKind);
