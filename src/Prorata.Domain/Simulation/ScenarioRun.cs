using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// A scenario being played on the billing engine: events applied one by one, billing runs for a contract and a
/// date, each contract's ledger of what was billed. The caller keeps time moving forward.
/// </summary>
public sealed class ScenarioRun
{
    private readonly Dictionary<string, BilledLedger> _ledgers;
    private readonly InvoiceCalculator _calculator;

    public ScenarioRun(Scenario scenario) : this(scenario, new PriceList(scenario.PriceList))
    {
    }

    /// <param name="prices">The price list to play on, in place of the scenario's rows: a billing run plays thousands of contracts on one list, indexed once.</param>
    public ScenarioRun(Scenario scenario, PriceList prices)
    {
        Scenario = scenario;
        Book = new SubscriptionBook(prices, scenario.PartnerCurrency, scenario.ProviderRounding);
        _calculator = new InvoiceCalculator(Book);
        _ledgers = scenario.Contracts.ToDictionary(c => c.Id, _ => new BilledLedger());
    }

    public Scenario Scenario { get; }
    public SubscriptionBook Book { get; }
    public HashSet<BillingAlert> Alerts { get; } = new();

    /// <summary>What the contract's invoices have billed so far; a stored billing run records its issued lines here first.</summary>
    public BilledLedger LedgerOf(string contractId) => _ledgers[contractId];

    /// <summary>
    /// Every invoice date of the contract up to billUntil: from the first billing day on or after its start date, or
    /// without one on or after its first event (the first purchase under it), every 1, 3 or 12 months.
    /// </summary>
    public IEnumerable<DateOnly> BillingDates(BillingContract contract)
    {
        var first = Scenario.Events.FirstOrDefault(e => e.Type == SubscriptionEventType.Purchase && e.Contract == contract.Id);
        if (contract.StartDate is null && first is null) return [];
        var firstActivity = first is null ? contract.StartDate!.Value : DateOnly.FromDateTime(first.At.UtcDateTime);
        return contract.BillingDates(firstActivity, DateOnly.MinValue, Scenario.BillUntil);
    }

    /// <summary>Runs billing at 00:00 of <paramref name="date"/>, after that day's renewals, and records what it billed.</summary>
    public Invoice Bill(BillingContract contract, DateOnly date)
    {
        Book.AdvanceTo(date);
        var ledger = _ledgers[contract.Id];
        var invoice = _calculator.Calculate(contract, Book.OfContract(contract.Id), date, ledger, Alerts);
        ledger.Record(invoice);
        return invoice;
    }

    /// <summary>
    /// Every license and partner subscription of the scenario's contracts as MRR sees it now (billing-rules §5): status,
    /// seats, the offer it is on, priced for the customer as on <paramref name="day"/> (a price rollout begun by then
    /// included) and at the cost the term was locked to. Read at a month end, before the next day's renewals.
    /// </summary>
    public IReadOnlyList<MrrSubscription> RecurringAt(DateOnly day)
    {
        var subscriptions = new List<MrrSubscription>(Book.Count);
        foreach (var contract in Scenario.Contracts)
            foreach (var subscription in Book.OfContract(contract.Id))
            {
                if (subscription.Kind == SubscriptionKind.Usage) continue;
                var offer = subscription.CurrentOffer;
                subscriptions.Add(new MrrSubscription(subscription.Id, contract.CustomerId, contract.Currency, subscription.Kind, subscription.Status,
                    subscription.ParentId, offer.ProductId, offer.SkuId, subscription.Quantity, _calculator.PricePerCycleOn(contract, offer, day) ?? 0m,
                    _calculator.CostPerCycle(contract, offer) ?? 0m, subscription.CurrentTerm.CycleMonths));
            }
        return subscriptions;
    }

    /// <summary>
    /// A subscription's terms as known now, followed by the renewals planned now that begin by <paramref name="horizon"/>
    /// (those an invoice bills ahead): what a line's period belongs to.
    /// </summary>
    public IReadOnlyList<Period> TermsKnownNow(Subscription subscription, DateOnly horizon)
    {
        var terms = subscription.Terms.Select(t => t.Period).ToList();
        if (subscription.HasEnded || subscription.Kind == SubscriptionKind.Usage) return terms;
        for (var plan = Book.PlanRenewal(subscription); plan is not null && plan.On <= horizon; plan = Book.PlanFollowingRenewal(plan, subscription.Kind))
            terms.Add(new Period(plan.On, plan.End));
        return terms;
    }

    /// <summary>
    /// Judges a command (a scenario's event, a staff or portal change) under Microsoft's rules: applied, or refused with
    /// the refusal returned and nothing changed.
    /// </summary>
    public Refusal? Apply(SubscriptionEvent e) => Play(e, ChangeOrigin.Command);

    /// <summary>
    /// Records a fact (what Partner Center, a usage file or an earlier accepted command already made happen): applied as
    /// reported, never refused on the NCE rules. Returns the problem when it cannot be applied at all, with the money at
    /// stake; the caller goes on with the rest of the timeline and raises it for a person.
    /// </summary>
    public ReplayProblem? Record(SubscriptionEvent e)
    {
        var atStake = AtStake(e);
        return Play(e, ChangeOrigin.Fact) is { } problem ? new ReplayProblem(e, problem.Code, problem.Message, atStake) : null;
    }

    private Refusal? Play(SubscriptionEvent e, ChangeOrigin origin)
    {
        Book.AdvanceTo(DateOnly.FromDateTime(e.At.UtcDateTime));
        var id = $"ev{e.Index}";
        return e.Type switch
        {
            SubscriptionEventType.Purchase => Book.Purchase(new PurchaseOrder(id, e.Subscription, e.Contract!, e.ProductId!, e.SkuId, e.Term, e.BillingPlan,
                e.Quantity ?? Book.Find(e.Parent!)?.Quantity ?? 1, e.AutoRenew, e.AlignToCalendarMonth, e.Parent, e.At)),
            SubscriptionEventType.SetQuantity => Book.SetQuantity(id, e.Subscription, e.Quantity!.Value, e.At, origin),
            SubscriptionEventType.Cancel => Book.Cancel(id, e.Subscription, e.At, origin),
            SubscriptionEventType.Suspend => Book.Suspend(e.Subscription, e.At, origin),
            SubscriptionEventType.Reactivate => Book.Reactivate(e.Subscription),
            SubscriptionEventType.SetAutoRenew => Book.SetAutoRenew(e.Subscription, e.Enabled!.Value, e.At, origin),
            SubscriptionEventType.ScheduleRenewal => Book.ScheduleRenewal(e.Subscription, new ScheduledRenewal(e.Quantity, e.Term, e.BillingPlan, e.SkuId), e.At, origin),
            SubscriptionEventType.Upgrade => Book.Upgrade(id, e.Subscription, e.ToProductId, e.ToSkuId!, e.Quantity, e.NewSubscription, e.At, origin),
            _ => Book.RecordUsage(e.Subscription, new UsageRecord(e.UsageDate!.Value, e.Meter ?? "", e.Cost!.Value, e.Retail ?? e.Cost!.Value), origin),
        };
    }

    /// <summary>
    /// What an entry would bill per charge cycle, estimated before it is played: the seats it concerns × the customer
    /// price of the offer (a purchase: the last row known for it; otherwise the subscription's current offer), in the
    /// contract's currency; a usage row, its retail amount. Null when nothing is known to price it with.
    /// </summary>
    private Money.Money? AtStake(SubscriptionEvent e)
    {
        if (e.Type == SubscriptionEventType.Purchase)
        {
            if (Scenario.Contracts.FirstOrDefault(c => c.Id == e.Contract) is not { } contract || e.Quantity is not ({ } seats and > 0) || e.ProductId is null) return null;
            var day = DateOnly.FromDateTime(e.At.UtcDateTime);
            var row = e.Term is { } term && e.BillingPlan is { } plan
                ? Book.Prices.LastKnown(e.ProductId, e.SkuId ?? "", term, plan, Book.PartnerCurrency.Code, day)
                : Book.Prices.FindAnyOffer(e.ProductId, e.SkuId, Book.PartnerCurrency.Code, day);
            return row is null ? null : Priced(contract, new OfferSegment(e.At, row.ProductId, row.SkuId, row, day), seats);
        }
        if (e.Type == SubscriptionEventType.Usage)
            return e.Cost is { } cost ? new Money.Money(e.Retail ?? cost, Book.PartnerCurrency) : null;
        if (Book.Find(e.Subscription) is not { } subscription || Scenario.Contracts.FirstOrDefault(c => c.Id == subscription.ContractId) is not { } owner) return null;
        var concerned = e.Type switch
        {
            SubscriptionEventType.SetQuantity => Math.Abs(e.Quantity!.Value - subscription.Quantity),
            SubscriptionEventType.Upgrade or SubscriptionEventType.ScheduleRenewal => e.Quantity ?? subscription.Quantity,
            _ => 0,
        };
        return concerned == 0 ? null : Priced(owner, subscription.CurrentOffer, concerned);
    }

    private Money.Money? Priced(BillingContract contract, OfferSegment offer, int seats) =>
        _calculator.PricePerCycle(contract, offer) is { } price ? new Money.Money(seats * price, contract.Currency) : null;
}
