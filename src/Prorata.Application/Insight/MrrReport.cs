using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Insight;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using StoredContract = Prorata.Data.Contracts.BillingContract;

namespace Prorata.Application.Insight;

/// <summary>
/// MRR from the stored change log, on the engine that bills it (never a second set of rules): each contract's log is
/// played as a billing run plays it, and at each month end (24:00 of its last day, billing-rules §5) its subscriptions are
/// read at the state and prices of that day (<see cref="MonthlyRecurringRevenue"/>). Movements need every month end since
/// a customer's (product's, legal entity's) first change (a reactivation is "above 0 at some earlier month end"), so the
/// months before the range are played too, and only the range is returned. Contracts are read a chunk at a time. The Azure
/// usage of each month is reported beside MRR (<see cref="UsageRevenue"/>).
/// </summary>
public sealed class MrrReport(ProrataDbContext db, BillingOptions options)
{
    public const int MaxMonths = 120;

    /// <summary>The key of the MRR of contracts nobody sells, when the rows are per salesperson.</summary>
    public const string Unassigned = "unassigned";
    private const int Chunk = 2000;

    public Task<MrrView> MonthsAsync(DateOnly from, DateOnly to, Guid? legalEntityId, CancellationToken cancellationToken) =>
        MonthsAsync(from, to, legalEntityId, MrrGrouping.Customer, cancellationToken);

    /// <param name="by">What the rows are per; the monthly totals and their movements are the customers' whatever it is.</param>
    public async Task<MrrView> MonthsAsync(DateOnly from, DateOnly to, Guid? legalEntityId, MrrGrouping by, CancellationToken cancellationToken)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var last = new DateOnly(to.Year, to.Month, 1);
        var end = Midnight(last.AddMonths(1));
        var priceRows = await StoredTimeline.PriceRowsAsync(db, cancellationToken);
        var prices = new PriceList(priceRows);
        var contracts = db.BillingContracts.AsNoTracking();
        if (legalEntityId is { } entity) contracts = contracts.Where(c => c.LegalEntityId == entity);
        var contractIds = await contracts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);

        var customers = new MonthTotals();
        var groups = by == MrrGrouping.Customer ? null : new MonthTotals();
        var usage = new Dictionary<(string Currency, DateOnly Month), decimal>();
        var sellers = by == MrrGrouping.Salesperson ? await SellersAsync(cancellationToken) : [];
        // Reading a chunk and playing the one before overlap: one thread waits on the database while the other replays.
        var chunks = Channel.CreateBounded<List<(BillingContract Contract, Func<DateOnly, string>? KeyAt, List<SubscriptionEvent> Events)>>(1);
        var player = Task.Run(async () =>
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
                foreach (var (contract, keyAt, events) in chunk)
                    Play(contract, keyAt, events, last, prices, by, customers, groups);
        }, cancellationToken);
        try
        {
            foreach (var ids in contractIds.Chunk(Chunk))
            {
                // Who made a change and when it was recorded do not move MRR: the log's engine columns only.
                var timelines = await StoredContractTimelines.ReadAsync(db, ids, LogCut.Before(end), TimelineParts.None, cancellationToken);
                // Turned into events here, on the reading side, so that the player thread only plays.
                await chunks.Writer.WriteAsync(timelines.Contracts.Where(c => timelines.HasLog(c.Id))
                    .Select(c => (StoredTimeline.ToDomain(c), ContractKey(c, by, sellers), timelines.EventsOf(c.Id))).ToList(), cancellationToken);
                await AddUsageAsync(timelines, first, last, usage, cancellationToken);
            }
        }
        finally
        {
            chunks.Writer.Complete();
        }
        await player;

        var customerNames = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken);
        var customerRows = new List<MrrCustomerMonth>();
        var summary = new SortedDictionary<(string Currency, DateOnly Month), MrrMonth>();
        foreach (var row in customers.Months(first, last, customerNames))
        {
            customerRows.Add(new MrrCustomerMonth(Text(row.Month), Guid.Parse(row.Key), row.Name, row.Currency, row.Mrr, row.Cost, 12m * row.Mrr, row.Mrr - row.Cost,
                EnumText.ToWire(row.Movement)));
            var sum = Summary(summary, row.Currency, row.Month);
            summary[(row.Currency, row.Month)] = sum with
            {
                Customers = sum.Customers + (row.Mrr > 0 ? 1 : 0),
                Mrr = sum.Mrr + row.Mrr, MrrCost = sum.MrrCost + row.Cost, Arr = sum.Arr + 12m * row.Mrr, Margin = sum.Margin + row.Mrr - row.Cost,
                New = sum.New + (row.Movement == MrrMovement.New ? row.Change : 0m),
                Expansion = sum.Expansion + (row.Movement == MrrMovement.Expansion ? row.Change : 0m),
                Contraction = sum.Contraction + (row.Movement == MrrMovement.Contraction ? -row.Change : 0m),
                Churn = sum.Churn + (row.Movement == MrrMovement.Churn ? -row.Change : 0m),
                Reactivation = sum.Reactivation + (row.Movement == MrrMovement.Reactivation ? row.Change : 0m),
            };
        }
        // A month with usage and no MRR in its currency (a customer with only an Azure plan) still has its row.
        foreach (var ((currency, month), amount) in usage)
            summary[(currency, month)] = Summary(summary, currency, month) with { Usage = amount };

        if (groups is null) return new MrrView([.. summary.Values], customerRows);
        var names = by switch
        {
            MrrGrouping.Product => ProductNames(priceRows),
            MrrGrouping.Salesperson => await SalespersonNamesAsync(cancellationToken),
            _ => await LegalEntityNamesAsync(cancellationToken),
        };
        var groupRows = groups.Months(first, last, names)
            .Select(r => new MrrGroupMonth(Text(r.Month), r.Key, r.Name, r.Currency, r.Mrr, r.Cost, 12m * r.Mrr, r.Mrr - r.Cost, EnumText.ToWire(r.Movement)))
            .ToList();
        return new MrrView([.. summary.Values], []) { By = EnumText.ToWire(by), Groups = groupRows };
    }

    /// <summary>
    /// The key a contract's MRR is counted under at a month end (given its last day) when the grouping is by something of
    /// the contract's; null when it is by customer (its own totals) or by product (per subscription).
    /// </summary>
    private static Func<DateOnly, string>? ContractKey(StoredContract contract, MrrGrouping by,
        IReadOnlyDictionary<Guid, List<(DateOnly From, Guid? SalespersonId)>> sellers)
    {
        switch (by)
        {
            case MrrGrouping.LegalEntity:
                var entity = contract.LegalEntityId.ToString();
                return _ => entity;
            case MrrGrouping.Salesperson:
                var history = sellers.GetValueOrDefault(contract.Id) ?? [];
                return day => history.LastOrDefault(a => a.From <= day).SalespersonId?.ToString() ?? Unassigned;
            default:
                return null;
        }
    }

    /// <summary>Each contract's salesperson assignments, oldest first.</summary>
    private async Task<Dictionary<Guid, List<(DateOnly From, Guid? SalespersonId)>>> SellersAsync(CancellationToken cancellationToken) =>
        (await db.ContractSalespeople.AsNoTracking().Select(a => new { a.ContractId, a.From, a.SalespersonId }).ToListAsync(cancellationToken))
        .GroupBy(a => a.ContractId)
        .ToDictionary(g => g.Key, g => g.OrderBy(a => a.From).Select(a => (a.From, a.SalespersonId)).ToList());

    private async Task<Dictionary<string, string>> SalespersonNamesAsync(CancellationToken cancellationToken)
    {
        var names = await db.Salespeople.AsNoTracking().ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, cancellationToken);
        names[Unassigned] = "No salesperson";
        return names;
    }

    /// <summary>A product is called by the title of its first SKU in the newest price row; one the price list does not know, by its id.</summary>
    private static Dictionary<string, string> ProductNames(IEnumerable<Domain.Catalog.PriceListRow> rows) =>
        rows.GroupBy(r => r.ProductId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.SkuId, StringComparer.Ordinal).ThenByDescending(r => r.EffectiveFrom).First().Title,
                StringComparer.OrdinalIgnoreCase);

    private async Task<Dictionary<string, string>> LegalEntityNamesAsync(CancellationToken cancellationToken) =>
        await db.LegalEntities.AsNoTracking().ToDictionaryAsync(e => e.Id.ToString(), e => e.Name, cancellationToken);

    /// <summary>
    /// Adds each Azure plan's usage revenue of the months asked, per contract currency and month: the plan's rows of the
    /// month summed and priced once by the contract's rule, as its usage invoice line is (billing-rules §4). Every row known
    /// now counts, whenever it was logged: a month's usage arrives in the days after it ends.
    /// </summary>
    private async Task AddUsageAsync(StoredContractTimelines timelines, DateOnly first, DateOnly last, Dictionary<(string Currency, DateOnly Month), decimal> usage,
        CancellationToken cancellationToken)
    {
        var plans = timelines.Subscriptions.Values.Where(s => string.Equals(s.ProductId, PurchaseOrder.AzurePlan, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(s => s.Id);
        if (plans.Count == 0) return;
        var planIds = plans.Keys.ToArray();
        var lastDay = last.AddMonths(1).AddDays(-1);
        var rows = await db.LicenseChangeLog.AsNoTracking()
            .Where(e => e.Type == SubscriptionEventType.Usage && planIds.Contains(e.SubscriptionId) && e.UsageDate >= first && e.UsageDate <= lastDay)
            .Select(e => new { e.SubscriptionId, e.UsageDate, e.Meter, e.Cost, e.Retail })
            .ToListAsync(cancellationToken);
        var contracts = timelines.Contracts.ToDictionary(c => c.Id);
        foreach (var plan in rows.GroupBy(r => r.SubscriptionId))
        {
            var subscription = plans[plan.Key];
            var contract = StoredTimeline.ToDomain(contracts[subscription.ContractId]);
            // As the engine holds the plan: the Azure plan product, the subscription's SKU; a row without retail at its cost.
            var rule = PricingStrategy.Match(contract.Pricing, PurchaseOrder.AzurePlan, subscription.SkuId);
            var records = plan.Select(r => new UsageRecord(r.UsageDate!.Value, r.Meter ?? "", r.Cost!.Value, r.Retail ?? r.Cost!.Value)).ToList();
            foreach (var month in records.Select(r => MonthArithmetic.FirstOfMonth(r.Date)).Distinct())
                usage[(contract.Currency.Code, month)] = usage.GetValueOrDefault((contract.Currency.Code, month))
                    + UsageRevenue.OfMonth(records, month, rule, contract.Currency);
        }
    }

    /// <summary>
    /// Plays one contract's log, reading MRR at every month end from its first change's month to <paramref name="last"/>:
    /// per customer always, and per <paramref name="by"/> when it is something else.
    /// </summary>
    private void Play(BillingContract contract, Func<DateOnly, string>? keyAt, List<SubscriptionEvent> events, DateOnly last, PriceList prices, MrrGrouping by,
        MonthTotals customers, MonthTotals? groups)
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
            var recurring = run.RecurringAt(lastDay);
            var perCustomer = MonthlyRecurringRevenue.AtMonthEnd(recurring);
            foreach (var total in perCustomer) customers.Add(total.Customer, total.Currency.Code, month, total.Mrr, total.MrrCost);
            if (groups is null) continue;
            if (by == MrrGrouping.Product)
                foreach (var total in MonthlyRecurringRevenue.ByProduct(recurring)) groups.Add(total.ProductId, total.Currency.Code, month, total.Mrr, total.MrrCost);
            else
                foreach (var total in perCustomer) groups.Add(keyAt!(lastDay), total.Currency.Code, month, total.Mrr, total.MrrCost);
        }
    }

    private static MrrMonth Summary(SortedDictionary<(string Currency, DateOnly Month), MrrMonth> summary, string currency, DateOnly month) =>
        summary.GetValueOrDefault((currency, month)) ?? new MrrMonth(Text(month), currency, 0, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m);

    private static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>MRR and cost per (key, currency) and month end, summed over the contracts played; each key is the history <see cref="MrrHistory"/> moves.</summary>
    private sealed class MonthTotals
    {
        private readonly Dictionary<(string Key, string Currency), SortedDictionary<DateOnly, (decimal Mrr, decimal Cost)>> _totals = new();

        public void Add(string key, string currency, DateOnly month, decimal mrr, decimal cost)
        {
            if (!_totals.TryGetValue((key, currency), out var months)) _totals[(key, currency)] = months = [];
            var sum = months.GetValueOrDefault(month);
            months[month] = (sum.Mrr + mrr, sum.Cost + cost);
        }

        /// <summary>
        /// Each key's months in <paramref name="first"/>..<paramref name="last"/> with the movement against the month before,
        /// by name, key and currency. A key's history starts at its first month end; a month without anything counting is 0
        /// (a churn), so every month end from the first is recorded, those before the range included.
        /// </summary>
        public IEnumerable<(DateOnly Month, string Key, string Name, string Currency, decimal Mrr, decimal Cost, MrrMovement Movement, decimal Change)> Months(
            DateOnly first, DateOnly last, IReadOnlyDictionary<string, string> names)
        {
            foreach (var ((key, currency), months) in _totals.OrderBy(t => names.GetValueOrDefault(t.Key.Key, t.Key.Key), StringComparer.Ordinal)
                         .ThenBy(t => t.Key.Key, StringComparer.Ordinal).ThenBy(t => t.Key.Currency, StringComparer.Ordinal))
            {
                var history = new MrrHistory();
                var code = Domain.Money.Currency.FromCode(currency);
                var name = names.GetValueOrDefault(key, key);
                var previous = 0m;
                for (var month = months.Keys.First(); month <= last; month = month.AddMonths(1))
                {
                    var (mrr, cost) = months.GetValueOrDefault(month);
                    var movement = history.Record(key, code, mrr);
                    if (month >= first) yield return (month, key, name, currency, mrr, cost, movement, mrr - previous);
                    previous = mrr;
                }
            }
        }
    }
}
