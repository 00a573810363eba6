using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Renewals;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Application.Insight;

/// <summary>
/// The subscriptions renewing in the days ahead, with their seats, the licenses assigned (<see cref="LicenseUsage"/>), the
/// price they will renew at and what to schedule (<see cref="RenewalAdvice"/>). A renewal's date and term come from the
/// contract's change log played on the engine up to now, as billing plays it, so a term that was renewed, upgraded or
/// aligned is where billing has it; contracts are read and played 200 at a time. The licenses of one SKU in one tenant are
/// shared between all the subscriptions that hold them (<see cref="SharedLicenses"/>), even on another contract, so those
/// contracts are played too.
/// </summary>
public sealed class RenewalsAhead(ProrataDbContext db, BillingOptions options)
{
    private const int ChunkSize = 200;

    /// <param name="now">The instant the renewals are seen from: the log up to it, renewals after its day.</param>
    /// <param name="within">Renewals on the days after today up to today + within, both inclusive.</param>
    public async Task<IReadOnlyList<RenewalAheadRow>> ListAsync(DateTimeOffset now, int within, Guid? customerId, Guid? contractId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var renewals = await RenewalsAsync(now, customerId, contractId, cancellationToken);
        return renewals
            .Where(r => r.Upcoming.RenewsOn > today && r.Upcoming.RenewsOn <= today.AddDays(within))
            .OrderBy(r => r.Upcoming.RenewsOn).ThenBy(r => r.Contract.Customer!.Name, StringComparer.Ordinal).ThenBy(r => r.Subscription.Title, StringComparer.Ordinal)
            .ThenBy(r => r.Subscription.Id)
            .Select(r => new RenewalAheadRow(r.Subscription.Id, r.Subscription.Title, r.Subscription.ProductId, r.Subscription.SkuId, r.Contract.CustomerId,
                r.Contract.Customer!.Name, r.Contract.Id, r.Upcoming.RenewsOn, r.Upcoming.RenewalTerm.ToString(), EnumText.ToWire(r.Upcoming.RenewalPlan),
                r.Upcoming.Seats, r.Upcoming.ScheduledSeats, r.Assigned, r.Usage?.AssignedLicenses, r.Sharing, r.Usage?.ReadAt, r.Upcoming.UnitPrice,
                r.Contract.Currency, r.Upcoming.PricedAtErp, EnumText.ToWire(r.Suggestion.Kind), r.Suggestion.Seats, r.Suggestion.Text, r.Suggestion.TermNote))
            .ToList();
    }

    /// <summary>The subscription's next renewal as of <paramref name="now"/> and its suggestion; null when it does not renew.</summary>
    public async Task<(DateOnly RenewsOn, RenewalSuggestion Suggestion)?> NextAsync(Guid subscriptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contractId = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId).Select(s => (Guid?)s.ContractId).FirstOrDefaultAsync(cancellationToken);
        if (contractId is null) return null;
        var renewal = (await RenewalsAsync(now, null, contractId, cancellationToken)).FirstOrDefault(r => r.Subscription.Id == subscriptionId);
        return renewal is null ? null : (renewal.Upcoming.RenewsOn, renewal.Suggestion);
    }

    /// <summary>Every coming renewal of the contracts asked for (a customer's, one, or all), each with its suggestion.</summary>
    private async Task<List<Listed>> RenewalsAsync(DateTimeOffset now, Guid? customerId, Guid? contractId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var contracts = db.BillingContracts.AsNoTracking()
            .Where(c => db.Subscriptions.Any(s => s.ContractId == c.Id && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.Suspended)));
        if (customerId is { } customer) contracts = contracts.Where(c => c.CustomerId == customer);
        if (contractId is { } only) contracts = contracts.Where(c => c.Id == only);
        var asked = (await contracts.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();

        // One row per linked subscription: small, read whole; a SKU shared with the contracts asked brings its other holders' contracts in.
        var licenses = await (
                from u in db.LicenseUsage.AsNoTracking()
                join s in db.Subscriptions.AsNoTracking() on u.SubscriptionId equals s.Id
                select new { Usage = u, s.ContractId, s.Status })
            .ToListAsync(cancellationToken);
        var groups = licenses
            .GroupBy(l => (l.Usage.PartnerCenterCustomerId.ToUpperInvariant(), l.Usage.LicenseSkuId.ToUpperInvariant()))
            .Where(g => g.Any(l => asked.Contains(l.ContractId)))
            .ToList();
        var played = asked.Concat(groups.SelectMany(g => g.Select(l => l.ContractId))).Distinct().Order().ToList();

        var upcoming = new Dictionary<Guid, UpcomingRenewal>();
        var stored = new Dictionary<Guid, (StoredContract Contract, CustomerSubscription Subscription)>();
        var prices = new PriceList(await StoredTimeline.PriceRowsAsync(db, cancellationToken));
        foreach (var chunk in played.Chunk(ChunkSize))
            await PlayAsync(chunk, now, today, prices, upcoming, stored, cancellationToken);

        var shares = new Dictionary<Guid, (LicenseUsage Usage, int Assigned, int Sharing)>();
        foreach (var group in groups)
        {
            // Suspended seats hold no assigned license: only active subscriptions share the SKU's licenses.
            var holders = group.Where(l => l.Status == SubscriptionStatus.Active && upcoming.ContainsKey(l.Usage.SubscriptionId)).ToList();
            var latest = group.MaxBy(l => l.Usage.ReadAt)!.Usage;
            var split = SharedLicenses.Split(latest.AssignedLicenses,
                holders.Select(h => new LicenseHolder(h.Usage.SubscriptionId.ToString(), upcoming[h.Usage.SubscriptionId].Seats, upcoming[h.Usage.SubscriptionId].TermEnd)).ToList());
            foreach (var holder in holders)
                shares[holder.Usage.SubscriptionId] = (holder.Usage, split[holder.Usage.SubscriptionId.ToString()], holders.Count);
        }

        var listed = new List<Listed>();
        foreach (var (id, renewal) in upcoming)
        {
            var (contract, subscription) = stored[id];
            if (!renewal.Renews || !asked.Contains(contract.Id)) continue;
            var licensed = shares.TryGetValue(id, out var share);
            var suggestion = RenewalAdvice.Suggest(renewal.Seats, renewal.ScheduledSeats, licensed ? share.Assigned : null, renewal.RenewalTerm);
            listed.Add(licensed
                ? new Listed(contract, subscription, renewal, suggestion, share.Usage, share.Assigned, share.Sharing)
                : new Listed(contract, subscription, renewal, suggestion, null, null, null));
        }
        return listed;
    }

    /// <summary>Plays a chunk of contracts' logs up to <paramref name="now"/> and the book to 00:00 of today (that day's renewals done).</summary>
    private async Task PlayAsync(Guid[] chunk, DateTimeOffset now, DateOnly today, PriceList prices, Dictionary<Guid, UpcomingRenewal> upcoming,
        Dictionary<Guid, (StoredContract, CustomerSubscription)> stored, CancellationToken cancellationToken)
    {
        var timelines = await StoredContractTimelines.ReadAsync(db, chunk, LogCut.UpTo(now), TimelineParts.Customer, cancellationToken);
        foreach (var contract in timelines.Contracts)
        {
            var domain = StoredTimeline.ToDomain(contract);
            var events = timelines.EventsOf(contract.Id);
            var run = new ScenarioRun(StoredTimeline.Scenario(domain.Id, options, [], [domain], events, today), prices);
            // What is logged already happened: recorded as facts, as billing replays it; what cannot be applied is billing's to raise.
            foreach (var e in events) run.Record(e);
            run.Book.AdvanceTo(today);
            foreach (var renewal in RenewalCalendar.Of(run.Book, domain))
            {
                var id = Guid.Parse(renewal.SubscriptionId);
                upcoming[id] = renewal;
                stored[id] = (contract, timelines.Subscriptions[id]);
            }
        }
    }

    private sealed record Listed(StoredContract Contract, CustomerSubscription Subscription, UpcomingRenewal Upcoming, RenewalSuggestion Suggestion,
        LicenseUsage? Usage, int? Assigned, int? Sharing);
}
