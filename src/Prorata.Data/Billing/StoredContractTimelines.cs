using Microsoft.EntityFrameworkCore;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Data.Billing;

/// <summary>
/// A chunk of stored contracts as the engine plays them: each contract, its subscriptions, and its subscriptions' change
/// log up to a <see cref="LogCut"/> in the order the engine plays it (by time, then by entry id). Every reader of stored
/// timelines (a billing run, MRR, the renewals ahead) reads through here, so they all play the same log.
/// </summary>
public sealed class StoredContractTimelines
{
    private readonly Dictionary<Guid, List<LicenseChangeEntry>> _logs;

    private StoredContractTimelines(List<StoredContract> contracts, Dictionary<Guid, CustomerSubscription> subscriptions,
        Dictionary<Guid, List<LicenseChangeEntry>> logs)
    {
        Contracts = contracts;
        Subscriptions = subscriptions;
        _logs = logs;
    }

    /// <summary>The contracts read, by id.</summary>
    public IReadOnlyList<StoredContract> Contracts { get; }

    /// <summary>Every subscription of the contracts read, by its id.</summary>
    public IReadOnlyDictionary<Guid, CustomerSubscription> Subscriptions { get; }

    /// <summary>Whether anything of the contract's is logged before the cut.</summary>
    public bool HasLog(Guid contractId) => _logs.ContainsKey(contractId);

    /// <summary>The contract's log up to the cut, in play order; empty without one.</summary>
    public IReadOnlyList<LicenseChangeEntry> LogOf(Guid contractId) => _logs.GetValueOrDefault(contractId) ?? [];

    /// <summary>The contract's log as the engine's events, in play order.</summary>
    public List<SubscriptionEvent> EventsOf(Guid contractId) =>
        LogOf(contractId).Select(e => StoredTimeline.ToEvent(e, Subscriptions[e.SubscriptionId])).ToList();

    /// <summary>
    /// Reads the contracts <paramref name="contractIds"/> with what <paramref name="parts"/> asks for. Of the log, only the
    /// columns the engine reads (plus the actor when asked): the rest (when a change was recorded, its sequence) moves no
    /// figure, and a chunk's log is most of what a run reads.
    /// </summary>
    public static async Task<StoredContractTimelines> ReadAsync(ProrataDbContext db, Guid[] contractIds, LogCut cut, TimelineParts parts,
        CancellationToken cancellationToken)
    {
        var query = db.BillingContracts.AsNoTracking();
        if (parts.HasFlag(TimelineParts.Customer)) query = query.Include(c => c.Customer);
        if (parts.HasFlag(TimelineParts.LegalEntity)) query = query.Include(c => c.LegalEntity);
        var contracts = await query.Where(c => contractIds.Contains(c.Id)).ToListAsync(cancellationToken);
        contracts.Sort((a, b) => a.Id.CompareTo(b.Id));
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => contractIds.Contains(s.ContractId)).ToDictionaryAsync(s => s.Id, cancellationToken);
        // By the chunk's subscription ids, which the log's index finds; joined to subscriptions by contract, the planner
        // scanned the whole log for every chunk.
        var subscriptionIds = subscriptions.Keys.ToArray();
        var at = cut.At;
        var log = cut.Inclusive
            ? db.LicenseChangeLog.AsNoTracking().Where(e => e.At <= at)
            : db.LicenseChangeLog.AsNoTracking().Where(e => e.At < at);
        var actors = parts.HasFlag(TimelineParts.Actors);
        var entries = await log.Where(e => subscriptionIds.Contains(e.SubscriptionId))
            .Select(e => new LicenseChangeEntry
            {
                Id = e.Id, SubscriptionId = e.SubscriptionId, Type = e.Type, At = e.At, Quantity = e.Quantity, Enabled = e.Enabled, ProductId = e.ProductId,
                SkuId = e.SkuId, Term = e.Term, BillingPlan = e.BillingPlan, NewSubscriptionId = e.NewSubscriptionId, UsageDate = e.UsageDate, Meter = e.Meter,
                Cost = e.Cost, Retail = e.Retail, Actor = actors ? e.Actor : "", Source = e.Source,
            })
            .ToListAsync(cancellationToken);
        var logs = entries.GroupBy(e => subscriptions[e.SubscriptionId].ContractId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());
        return new StoredContractTimelines(contracts, subscriptions, logs);
    }
}
