using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>
/// What staff do with work items: assign, note, resolve, reopen, and resolve many at once. Every action is one
/// transaction and leaves a line in the item's history; a refused action changes nothing.
/// </summary>
public sealed class WorkItemActions(ProrataDbContext db, TimeProvider time)
{
    public const int MaxText = 2000;

    /// <summary>Items one bulk resolution may take: a page of the list, not the whole table by mistake.</summary>
    public const int MaxBulk = 500;

    public Task<WorkItemActionResult> AssignAsync(long id, string? assignee, string actor, CancellationToken cancellationToken) =>
        ChangeOneAsync(id, cancellationToken, item =>
        {
            var to = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
            if (to is { Length: > 256 }) return $"assignee must be at most 256 characters; got {to.Length}.";
            item.AssignedTo = to;
            item.Notes.Add(Note(actor, WorkItemAction.Assigned, to is null ? "unassigned" : $"assigned to {to}"));
            return null;
        });

    public Task<WorkItemActionResult> AddNoteAsync(long id, string? text, string actor, CancellationToken cancellationToken) =>
        ChangeOneAsync(id, cancellationToken, item =>
        {
            if (CheckText("text", text) is { } problem) return problem;
            item.Notes.Add(Note(actor, WorkItemAction.Note, text!.Trim()));
            return null;
        });

    public Task<WorkItemActionResult> ResolveAsync(long id, string? resolution, string actor, CancellationToken cancellationToken) =>
        ChangeOneAsync(id, cancellationToken, item =>
        {
            if (CheckText("resolution", resolution) is { } problem) return problem;
            if (item.State == WorkItemState.Resolved) return $"work item {item.Id} is already resolved.";
            WorkItemRaiser.Resolve(item, actor, resolution!.Trim(), time.GetUtcNow());
            return null;
        });

    public async Task<WorkItemActionResult> ReopenAsync(long id, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (CheckText("reason", reason) is { } problem) return WorkItemActionResult.Refused(problem);
        var item = await db.WorkItems.Include(i => i.Notes).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return WorkItemActionResult.Missing($"No work item has id {id}.");
        if (item.State == WorkItemState.Open) return WorkItemActionResult.Refused($"work item {id} is already open.");
        // The same problem raised again since it was resolved has its own open item: that one is worked on instead.
        if (await db.WorkItems.AnyAsync(i => i.DedupeKey == item.DedupeKey && i.State == WorkItemState.Open, cancellationToken))
            return WorkItemActionResult.Refused($"work item {id} was raised again since it was resolved; work on the open one instead.");
        item.State = WorkItemState.Open;
        item.ResolvedAt = null;
        item.ResolvedBy = null;
        item.Resolution = null;
        item.Notes.Add(Note(actor, WorkItemAction.Reopened, reason!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return WorkItemActionResult.Done(item);
    }

    /// <summary>Resolves every listed item that is open, all or none; ids already resolved are refused so nothing is resolved twice by mistake.</summary>
    public async Task<WorkItemActionResult> ResolveManyAsync(IReadOnlyCollection<long> ids, string? resolution, string actor, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return WorkItemActionResult.Refused("ids must name at least one work item.");
        if (ids.Count > MaxBulk) return WorkItemActionResult.Refused($"ids may name at most {MaxBulk} work items at once; got {ids.Count}.");
        if (CheckText("resolution", resolution) is { } problem) return WorkItemActionResult.Refused(problem);
        var distinct = ids.Distinct().ToList();
        var items = await db.WorkItems.Where(i => distinct.Contains(i.Id)).ToListAsync(cancellationToken);
        var missing = distinct.Except(items.Select(i => i.Id)).Order().ToList();
        if (missing.Count > 0) return WorkItemActionResult.Missing($"No work item has id {string.Join(", ", missing)}.");
        var resolved = items.Where(i => i.State == WorkItemState.Resolved).Select(i => i.Id).Order().ToList();
        if (resolved.Count > 0) return WorkItemActionResult.Refused($"work item(s) {string.Join(", ", resolved)} are already resolved; nothing was changed.");
        var now = time.GetUtcNow();
        foreach (var item in items) WorkItemRaiser.Resolve(item, actor, resolution!.Trim(), now);
        await db.SaveChangesAsync(cancellationToken);
        return new WorkItemActionResult(items.OrderBy(i => i.Id).ToList(), null, null);
    }

    private async Task<WorkItemActionResult> ChangeOneAsync(long id, CancellationToken cancellationToken, Func<WorkItem, string?> change)
    {
        var item = await db.WorkItems.Include(i => i.Notes).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return WorkItemActionResult.Missing($"No work item has id {id}.");
        if (change(item) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return WorkItemActionResult.Refused(refusal);
        }
        await db.SaveChangesAsync(cancellationToken);
        return WorkItemActionResult.Done(item);
    }

    private WorkItemNote Note(string actor, WorkItemAction action, string? text) => new() { At = time.GetUtcNow(), Author = actor, Action = action, Text = text };

    private static string? CheckText(string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? $"{field} is required: say what was done or why."
        : text.Trim().Length > MaxText ? $"{field} must be at most {MaxText} characters; got {text.Trim().Length}."
        : null;
}
