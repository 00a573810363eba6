using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Renewals;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Subscriptions;

/// <summary>
/// A subscription as its page shows it now: its term, renewal and windows (<see cref="SubscriptionStanding"/>), the
/// customer's price and the partner's cost of one seat for a charge cycle of <see cref="CycleMonths"/> months, and the
/// price per seat it would renew at. Null price or cost: nothing prices the offer.
/// </summary>
public sealed record SubscriptionStandingView(SubscriptionStanding? Standing, decimal? PricePerSeat, decimal? CostPerSeat, int CycleMonths, decimal? RenewalPricePerSeat,
    string Currency);

/// <summary>
/// Reads where a subscription stands by playing its contract's change log on the engine up to now, as billing and the
/// renewals list play it, so the page shows the term and windows the rules will apply. Nothing written.
/// </summary>
public sealed class SubscriptionStandings(ProrataDbContext db, BillingOptions options)
{
    public async Task<SubscriptionStandingView?> OfAsync(Guid subscriptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contractId = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId).Select(s => (Guid?)s.ContractId).FirstOrDefaultAsync(cancellationToken);
        if (contractId is not { } id) return null;
        return (await OfContractAsync(id, [subscriptionId], now, cancellationToken))[subscriptionId];
    }

    /// <summary>Where each of <paramref name="subscriptionIds"/> of one contract stands, from one play of the contract's log.</summary>
    public async Task<IReadOnlyDictionary<Guid, SubscriptionStandingView>> OfContractAsync(Guid contractId, IReadOnlyCollection<Guid> subscriptionIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var timelines = await StoredContractTimelines.ReadAsync(db, [contractId], LogCut.UpTo(now), TimelineParts.Customer, cancellationToken);
        var contract = timelines.Contracts.Single();
        var domain = StoredTimeline.ToDomain(contract);
        var events = timelines.EventsOf(contract.Id);
        var prices = new PriceList(await StoredTimeline.PriceRowsAsync(db, cancellationToken));
        var run = new ScenarioRun(StoredTimeline.Scenario(domain.Id, options, [], [domain], events, today), prices);
        // What is logged already happened: recorded as facts, as billing replays it.
        foreach (var e in events) run.Record(e);
        run.Book.AdvanceTo(today);
        var recurring = run.RecurringAt(today).ToLookup(r => r.Subscription);
        var renewals = RenewalCalendar.Of(run.Book, domain).ToLookup(r => r.SubscriptionId);
        var views = new Dictionary<Guid, SubscriptionStandingView>();
        foreach (var subscriptionId in subscriptionIds)
        {
            var key = subscriptionId.ToString();
            if (run.Book.Find(key) is not { } subscription)
            {
                views[subscriptionId] = new SubscriptionStandingView(null, null, null, 0, null, contract.Currency);
                continue;
            }
            var cycle = recurring[key].FirstOrDefault();
            var renewal = renewals[key].FirstOrDefault();
            views[subscriptionId] = new SubscriptionStandingView(SubscriptionStanding.Of(subscription, now),
                cycle is { PricePerCycle: > 0 } ? cycle.PricePerCycle : null, cycle is { CostPerCycle: > 0 } ? cycle.CostPerCycle : null,
                cycle?.CycleMonths ?? 0, renewal is { Renews: true } ? renewal.UnitPrice : null, contract.Currency);
        }
        return views;
    }
}
