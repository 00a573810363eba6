using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.WorkItems;

namespace Prorata.Application.WorkItems;

/// <summary>
/// Raises and settles work items inside the caller's unit of work: nothing is saved here, so an item is written in the
/// same transaction as what found the problem (a sync batch, an invoice, a recon import) or not at all.
/// </summary>
public sealed class WorkItemRaiser(ProrataDbContext db, TimeProvider time)
{
    /// <summary>
    /// Opens the item, or counts one more occurrence of the open one with the same key (refreshing its message and
    /// money). A problem that comes back after a person resolved it opens a new item, unless the draft says the
    /// resolution covers repeats and it comes back unchanged. Returns the item, tracked by the context.
    /// </summary>
    public async Task<WorkItem> RaiseAsync(WorkItemDraft draft, CancellationToken cancellationToken)
    {
        var raised = await RaiseAllAsync([draft], cancellationToken);
        return raised.Items[0];
    }

    /// <summary>
    /// <see cref="RaiseAsync(WorkItemDraft, CancellationToken)"/> for many drafts with one query (a full sync raises
    /// thousands); <see cref="RaisedItems.Opened"/> counts the items newly opened.
    /// </summary>
    public async Task<RaisedItems> RaiseAllAsync(IReadOnlyCollection<WorkItemDraft> drafts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = drafts.Select(d => d.DedupeKey).Distinct().ToList();
        var stored = keys.Count == 0 ? [] : await db.WorkItems.Where(i => keys.Contains(i.DedupeKey)).ToListAsync(cancellationToken);
        var latest = stored.Concat(db.WorkItems.Local.Where(i => db.Entry(i).State == EntityState.Added && keys.Contains(i.DedupeKey)))
            .GroupBy(i => i.DedupeKey)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(i => i.State == WorkItemState.Open) ?? g.MaxBy(i => i.Id)!);
        var items = new List<WorkItem>(drafts.Count);
        var opened = 0;
        foreach (var draft in drafts)
        {
            var message = Clip(draft.Message, 2048);
            if (latest.TryGetValue(draft.DedupeKey, out var existing))
            {
                if (existing.State == WorkItemState.Open)
                {
                    existing.Occurrences++;
                    existing.LastSeenAt = now;
                    existing.Message = message;
                    existing.AmountAtStake = draft.AmountAtStake;
                    existing.Currency = draft.Currency;
                    items.Add(existing);
                    continue;
                }
                if (draft.ResolutionCoversRepeats && existing.Message == message && existing.AmountAtStake == draft.AmountAtStake && existing.Currency == draft.Currency)
                {
                    items.Add(existing);
                    continue;
                }
            }
            var item = new WorkItem
            {
                Kind = draft.Kind,
                Code = draft.Code,
                State = WorkItemState.Open,
                DedupeKey = draft.DedupeKey,
                Message = message,
                AmountAtStake = draft.AmountAtStake,
                Currency = draft.Currency,
                SubjectKind = draft.SubjectKind,
                SubjectId = draft.SubjectId,
                CustomerId = draft.CustomerId,
                ContractId = draft.ContractId,
                SubscriptionId = draft.SubscriptionId,
                PartnerCenterCustomerId = draft.PartnerCenterCustomerId,
                PartnerCenterSubscriptionId = draft.PartnerCenterSubscriptionId,
                RaisedAt = now,
                LastSeenAt = now,
                Occurrences = 1,
            };
            item.Notes.Add(new WorkItemNote { At = now, Author = "Prorata", Action = WorkItemAction.Raised, Text = message });
            db.WorkItems.Add(item);
            latest[draft.DedupeKey] = item;
            items.Add(item);
            opened++;
        }
        return new RaisedItems(items, opened);
    }

    /// <summary>
    /// Resolves the open items matching <paramref name="which"/> that the cause no longer raises, e.g. a billing run
    /// settling the alerts of a contract that it did not raise again. <paramref name="stillRaised"/> holds dedupe keys.
    /// </summary>
    public async Task<int> SettleAsync(IQueryable<WorkItem> which, IReadOnlySet<string> stillRaised, string settledBy, string resolution, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settled = 0;
        foreach (var item in await which.Where(i => i.State == WorkItemState.Open).ToListAsync(cancellationToken))
        {
            if (stillRaised.Contains(item.DedupeKey)) continue;
            Resolve(item, settledBy, resolution, now);
            settled++;
        }
        return settled;
    }

    internal static void Resolve(WorkItem item, string by, string resolution, DateTimeOffset at)
    {
        item.State = WorkItemState.Resolved;
        item.ResolvedAt = at;
        item.ResolvedBy = by;
        item.Resolution = resolution;
        item.Notes.Add(new WorkItemNote { At = at, Author = by, Action = WorkItemAction.Resolved, Text = resolution });
    }

    internal static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
