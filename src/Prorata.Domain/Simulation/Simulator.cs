using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Simulation;

/// <summary>
/// Runs a scenario on the billing engine itself (never a second implementation of the rules): events are applied
/// in time order, each contract is billed on every billing date up to billUntil, and renewals happen at 00:00,
/// before that day's billing run, which happens before any other event of the day (billing-rules.md §4).
/// </summary>
public static class Simulator
{
    public static SimulationResult Run(Scenario scenario)
    {
        var book = new SubscriptionBook(new PriceList(scenario.PriceList), scenario.PartnerCurrency, scenario.ProviderRounding);
        var calculator = new InvoiceCalculator(book);
        var ledgers = scenario.Contracts.ToDictionary(c => c.Id, _ => new BilledLedger());
        var alerts = new HashSet<BillingAlert>();
        var rejected = new List<Rejection>();
        var invoices = new List<Invoice>();

        var runs = BillingRuns(scenario);
        var next = 0;
        void BillUpTo(DateTimeOffset instant)
        {
            for (; next < runs.Count && ToInstant(runs[next].Date) <= instant; next++)
            {
                var (date, contract) = runs[next];
                book.AdvanceTo(date);
                var invoice = calculator.Calculate(contract, book.OfContract(contract.Id), date, ledgers[contract.Id], alerts);
                ledgers[contract.Id].Record(invoice);
                if (invoice.Lines.Count > 0) invoices.Add(invoice);
            }
        }

        foreach (var e in scenario.Events)
        {
            BillUpTo(e.At);
            book.AdvanceTo(DateOnly.FromDateTime(e.At.UtcDateTime));
            if (Apply(book, e) is { } refusal) rejected.Add(new Rejection(e.Index, refusal.Code, refusal.Message));
        }
        BillUpTo(ToInstant(scenario.BillUntil));
        book.AdvanceTo(scenario.BillUntil);

        // Charge cycles are listed up to billUntil; a change event's charges are listed whenever it happened.
        var charges = book.ProviderCharges
            .Where(c => c.ChargeType is not (ChargeType.CycleCharge or ChargeType.Renew) || c.ChargeStart <= scenario.BillUntil)
            .ToList();
        return new SimulationResult(rejected, charges, invoices, alerts.ToList());
    }

    private static List<(DateOnly Date, BillingContract Contract)> BillingRuns(Scenario scenario)
    {
        var runs = new List<(DateOnly, BillingContract)>();
        if (scenario.Events.Count == 0) return runs;
        var first = DateOnly.FromDateTime(scenario.Events[0].At.UtcDateTime);
        foreach (var contract in scenario.Contracts)
            for (var date = contract.BillingDateOnOrAfter(first); date <= scenario.BillUntil; date = date.AddMonths(1))
                runs.Add((date, contract));
        return runs.OrderBy(r => r.Item1).ToList();
    }

    private static Refusal? Apply(SubscriptionBook book, ScenarioEvent e)
    {
        var id = $"ev{e.Index}";
        return e.Type switch
        {
            ScenarioEventType.Purchase => book.Purchase(new PurchaseOrder(id, e.Subscription, e.Contract!, e.ProductId!, e.SkuId, e.Term, e.BillingPlan,
                e.Quantity!.Value, e.AutoRenew, e.AlignToCalendarMonth, e.Parent, e.At)),
            ScenarioEventType.SetQuantity => book.SetQuantity(id, e.Subscription, e.Quantity!.Value, e.At),
            ScenarioEventType.Cancel => book.Cancel(id, e.Subscription, e.At),
            ScenarioEventType.Suspend => book.Suspend(e.Subscription),
            ScenarioEventType.Reactivate => book.Reactivate(e.Subscription),
            ScenarioEventType.SetAutoRenew => book.SetAutoRenew(e.Subscription, e.Enabled!.Value),
            ScenarioEventType.ScheduleRenewal => book.ScheduleRenewal(e.Subscription, new ScheduledRenewal(e.Quantity, e.Term, e.BillingPlan, e.SkuId)),
            ScenarioEventType.Upgrade => book.Upgrade(id, e.Subscription, e.ToProductId, e.ToSkuId!, e.Quantity, e.NewSubscription, e.At),
            _ => book.RecordUsage(e.Subscription, new UsageRecord(e.UsageDate!.Value, e.Meter ?? "", e.Cost!.Value, e.Retail ?? e.Cost!.Value)),
        };
    }

    private static DateTimeOffset ToInstant(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
