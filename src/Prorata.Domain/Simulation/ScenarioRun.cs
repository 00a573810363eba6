using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
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

    /// <summary>Every billing date of the contract from the first event's day to billUntil.</summary>
    public IEnumerable<DateOnly> BillingDates(BillingContract contract)
    {
        if (Scenario.Events.Count == 0) yield break;
        for (var date = contract.BillingDateOnOrAfter(DateOnly.FromDateTime(Scenario.Events[0].At.UtcDateTime)); date <= Scenario.BillUntil; date = date.AddMonths(1))
            yield return date;
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

    public Refusal? Apply(SubscriptionEvent e)
    {
        Book.AdvanceTo(DateOnly.FromDateTime(e.At.UtcDateTime));
        var id = $"ev{e.Index}";
        return e.Type switch
        {
            SubscriptionEventType.Purchase => Book.Purchase(new PurchaseOrder(id, e.Subscription, e.Contract!, e.ProductId!, e.SkuId, e.Term, e.BillingPlan,
                e.Quantity ?? Book.Find(e.Parent!)?.Quantity ?? 1, e.AutoRenew, e.AlignToCalendarMonth, e.Parent, e.At)),
            SubscriptionEventType.SetQuantity => Book.SetQuantity(id, e.Subscription, e.Quantity!.Value, e.At),
            SubscriptionEventType.Cancel => Book.Cancel(id, e.Subscription, e.At),
            SubscriptionEventType.Suspend => Book.Suspend(e.Subscription, e.At),
            SubscriptionEventType.Reactivate => Book.Reactivate(e.Subscription),
            SubscriptionEventType.SetAutoRenew => Book.SetAutoRenew(e.Subscription, e.Enabled!.Value, e.At),
            SubscriptionEventType.ScheduleRenewal => Book.ScheduleRenewal(e.Subscription, new ScheduledRenewal(e.Quantity, e.Term, e.BillingPlan, e.SkuId), e.At),
            SubscriptionEventType.Upgrade => Book.Upgrade(id, e.Subscription, e.ToProductId, e.ToSkuId!, e.Quantity, e.NewSubscription, e.At),
            _ => Book.RecordUsage(e.Subscription, new UsageRecord(e.UsageDate!.Value, e.Meter ?? "", e.Cost!.Value, e.Retail ?? e.Cost!.Value)),
        };
    }
}
