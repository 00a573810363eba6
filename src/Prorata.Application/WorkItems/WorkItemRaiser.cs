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
    /// money). A problem a person resolved that comes back unchanged stays resolved: they decided about exactly this.
    /// Returns the item, tracked by the context.
    /// </summary>
    public async Task<WorkItem> RaiseAsync(WorkItemDraft draft, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = draft.DedupeKey;
        var existing = db.WorkItems.Local.FirstOrDefault(i => i.DedupeKey == key && i.State == WorkItemState.Open)
            ?? await db.WorkItems.Where(i => i.DedupeKey == key).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { State: WorkItemState.Open })
        {
            existing.Occurrences++;
            existing.LastSeenAt = now;
            existing.Message = Clip(draft.Message, 2048);
            existing.AmountAtStake = draft.AmountAtStake;
            existing.Currency = draft.Currency;
            return existing;
        }
        if (existing is not null && existing.Message == Clip(draft.Message, 2048) && existing.AmountAtStake == draft.AmountAtStake && existing.Currency == draft.Currency)
        {
            return existing;
        }
        var item = new WorkItem
        {
            Kind = draft.Kind,
            Code = draft.Code,
            State = WorkItemState.Open,
            DedupeKey = key,
            Message = Clip(draft.Message, 2048),
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
        db.WorkItems.Add(item);
        return item;
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
