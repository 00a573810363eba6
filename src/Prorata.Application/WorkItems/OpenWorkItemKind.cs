using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>How many work items of one kind are open, and their money at stake per currency (the currencies with some).</summary>
public sealed record OpenWorkItemKind(WorkItemKind Kind, int Items, IReadOnlyList<MoneyAtStake> AtStake);
