using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Insight;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Application.Insight;

/// <summary>
/// MRR from the stored change log, on the engine that bills it (never a second set of rules): each contract's log is
/// played as a billing run plays it, and at each month end (24:00 of its last day, billing-rules §5) its subscriptions are
/// read at the state and prices of that day (<see cref="MonthlyRecurringRevenue"/>). Movements need every month end since
/// a customer's first change (a reactivation is "above 0 at some earlier month end"), so the months before the range are
/// played too, and only the range is returned. Contracts are read a chunk at a time.
/// </summary>
public sealed class MrrReport(ProrataDbContext db, BillingOptions options)
{
    public const int MaxMonths = 120;
    private const int Chunk = 2000;

    public async Task<MrrView> MonthsAsync(DateOnly from, DateOnly to, Guid? legalEntityId, CancellationToken cancellationToken)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        var end = Midnight(last.AddMonths(1));
        var prices = new PriceList(await StoredTimeline.PriceRowsAsync(db, cancellationToken));
        var contracts = db.BillingContracts.AsNoTracking();
        if (legalEntityId is { } entity) contracts = contracts.Where(c => c.LegalEntityId == entity);
        var contractIds = await contracts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);

        var totals = new Dictionary<(string Customer, string Currency), SortedDictionary<DateOnly, (decimal Mrr, decimal Cost)>>();
        // Reading a chunk and playing the one before overlap: one thread waits on the database while the other replays.
        var chunks = Channel.CreateBounded<List<(BillingContract Contract, List<SubscriptionEvent> Events)>>(1);
        var player = Task.Run(async () =>
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
                foreach (var (contract, events) in chunk)
                    Play(contract, events, last, prices, totals);
        }, cancellationToken);
        try
        {
            foreach (var ids in contractIds.Chunk(Chunk))
                await chunks.Writer.WriteAsync(await ReadAsync(ids, end, cancellationToken), cancellationToken);
        }
        finally
        {
            chunks.Writer.Complete();
        }
        await player;

        var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken);
        var customers = new List<MrrCustomerMonth>();
        var summary = new SortedDictionary<(string Currency, DateOnly Month), MrrMonth>();
        foreach (var ((customer, currency), months) in totals.OrderBy(t => names.GetValueOrDefault(t.Key.Customer), StringComparer.Ordinal)
                     .ThenBy(t => t.Key.Customer, StringComparer.Ordinal).ThenBy(t => t.Key.Currency, StringComparer.Ordinal))
        {
            var history = new MrrHistory();
            var code = Domain.Money.Currency.FromCode(currency);
            var previous = 0m;
            // Every month end from the customer's first, those without a subscription counting as 0: a churn is a month at 0.
            for (var month = months.Keys.First(); month <= last; month = month.AddMonths(1))
            {
                var (mrr, cost) = months.GetValueOrDefault(month);
                var movement = history.Record(customer, code, mrr);
                if (month >= first)
                {
                    customers.Add(new MrrCustomerMonth(Text(month), Guid.Parse(customer), names.GetValueOrDefault(customer, customer), currency, mrr, cost, 12m * mrr,
                        mrr - cost, EnumText.ToWire(movement)));
                    var sum = summary.GetValueOrDefault((currency, month)) ?? new MrrMonth(Text(month), currency, 0, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m);
                    var change = mrr - previous;
                    summary[(currency, month)] = sum with
                    {
                        Customers = sum.Customers + (mrr > 0 ? 1 : 0),
                        Mrr = sum.Mrr + mrr, MrrCost = sum.MrrCost + cost, Arr = sum.Arr + 12m * mrr, Margin = sum.Margin + mrr - cost,
                        New = sum.New + (movement == MrrMovement.New ? change : 0m),
                        Expansion = sum.Expansion + (movement == MrrMovement.Expansion ? change : 0m),
                        Contraction = sum.Contraction + (movement == MrrMovement.Contraction ? -change : 0m),
                        Churn = sum.Churn + (movement == MrrMovement.Churn ? -change : 0m),
                        Reactivation = sum.Reactivation + (movement == MrrMovement.Reactivation ? change : 0m),
                    };
                }
                previous = mrr;
            }
        }
        return new MrrView([.. summary.Values], customers);
    }

    /// <summary>The chunk's contracts with their logs as the engine's events, in time order; contracts without a change are left out.</summary>
    private async Task<List<(BillingContract Contract, List<SubscriptionEvent> Events)>> ReadAsync(Guid[] chunk, DateTimeOffset end, CancellationToken cancellationToken)
    {
        // Who made a change and when it was recorded do not move MRR: the log's engine columns only.
        var timelines = await StoredContractTimelines.ReadAsync(db, chunk, LogCut.Before(end), TimelineParts.None, cancellationToken);
        // Turned into events here, on the reading side, so that the player thread only plays.
        return timelines.Contracts.Where(c => timelines.HasLog(c.Id)).Select(c => (StoredTimeline.ToDomain(c), timelines.EventsOf(c.Id))).ToList();
    }

    /// <summary>Plays one contract's log, reading MRR at every month end from its first change's month to <paramref name="last"/>.</summary>
    private void Play(BillingContract contract, List<SubscriptionEvent> events, DateOnly last, PriceList prices,
        Dictionary<(string Customer, string Currency), SortedDictionary<DateOnly, (decimal Mrr, decimal Cost)>> totals)
    {
        var run = new ScenarioRun(StoredTimeline.Scenario(contract.Id, options, [], [contract], events, last.AddMonths(1)), prices);
        var next = 0;
        var start = DateOnly.FromDateTime(events[0].At.UtcDateTime);
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var monthEnd = Midnight(month.AddMonths(1));
            // What is logged already happened: recorded as facts, as a billing run records them.
            for (; next < events.Count && events[next].At < monthEnd; next++) run.Record(events[next]);
            var lastDay = month.AddMonths(1).AddDays(-1);
            run.Book.AdvanceTo(lastDay);
            foreach (var total in MonthlyRecurringRevenue.AtMonthEnd(run.RecurringAt(lastDay)))
            {
                var key = (total.Customer, total.Currency.Code);
                if (!totals.TryGetValue(key, out var months)) totals[key] = months = [];
                var (mrr, cost) = months.GetValueOrDefault(month);
                months[month] = (mrr + total.Mrr, cost + total.MrrCost);
            }
        }
    }

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
