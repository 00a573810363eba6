using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>
/// One page of work items and, over every item the filter matches (not only this page), the money at stake per
/// currency — never summed across currencies — and the count per kind.
/// </summary>
public sealed record WorkItemPage(
    IReadOnlyList<WorkItem> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<MoneyAtStake> AtStake,
    IReadOnlyDictionary<WorkItemKind, int> PerKind);

/// <summary>Σ money at stake of <see cref="Items"/> items in one currency; <see cref="Currency"/> null counts the items with no amount.</summary>
public sealed record MoneyAtStake(string? Currency, decimal Amount, int Items);
