using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>The items a raise touched, one per draft in order, and how many of them it newly opened.</summary>
public sealed record RaisedItems(IReadOnlyList<WorkItem> Items, int Opened);
