using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>Lists work items for the exceptions page, the API and the CLI: filtered, newest first, paged; nothing written.</summary>
public sealed class WorkItemSearch(ProrataDbContext db)
{
    public async Task<WorkItemPage> ListAsync(WorkItemFilter filter, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(filter.PageSize, 1, WorkItemFilter.MaxPageSize);
        var page = Math.Max(filter.Page, 1);
        var items = await query.OrderByDescending(i => i.RaisedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var atStake = (await query.GroupBy(i => i.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(i => i.AmountAtStake ?? 0m), Items = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(g => new MoneyAtStake(g.Currency, g.Amount, g.Items))
            .OrderBy(m => m.Currency is null).ThenBy(m => m.Currency, StringComparer.Ordinal)
            .ToList();
        var perKind = await query.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new WorkItemPage(items, total, page, pageSize, atStake, perKind);
    }

    /// <summary>The open work items per kind, most first, each with its money at stake per currency (never summed across them).</summary>
    public async Task<IReadOnlyList<OpenWorkItemKind>> OpenByKindAsync(CancellationToken cancellationToken)
    {
        var rows = await db.WorkItems.AsNoTracking().Where(i => i.State == WorkItemState.Open)
            .GroupBy(i => new { i.Kind, i.Currency })
            .Select(g => new { g.Key.Kind, g.Key.Currency, Amount = g.Sum(i => i.AmountAtStake ?? 0m), Items = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Kind)
            .Select(g => new OpenWorkItemKind(g.Key, g.Sum(r => r.Items),
                [.. g.Where(r => r.Currency is not null && r.Amount != 0).OrderBy(r => r.Currency, StringComparer.Ordinal).Select(r => new MoneyAtStake(r.Currency, r.Amount, r.Items))]))
            .OrderByDescending(k => k.Items).ThenBy(k => k.Kind.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    public Task<WorkItem?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.WorkItems.AsNoTracking().Include(i => i.Notes.OrderBy(n => n.Id)).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    private IQueryable<WorkItem> Filtered(WorkItemFilter filter)
    {
        var query = db.WorkItems.AsNoTracking();
        if (filter.State is { } state) query = query.Where(i => i.State == state);
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Code)) query = query.Where(i => i.Code == filter.Code.Trim());
        if (!string.IsNullOrWhiteSpace(filter.AssignedTo)) query = query.Where(i => i.AssignedTo == filter.AssignedTo.Trim());
        if (filter.CustomerId is { } customer) query = query.Where(i => i.CustomerId == customer);
        if (filter.ContractId is { } contract) query = query.Where(i => i.ContractId == contract);
        if (filter.SubscriptionId is { } subscription) query = query.Where(i => i.SubscriptionId == subscription);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLowerInvariant();
            query = query.Where(i => i.Message.ToLower().Contains(text));
        }
        return query;
    }
}
