using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Billing;

/// <summary>
/// A second, deliberately naive reading of billing-rules §4 for a random portfolio: walk every day of every subscription
/// and add quantity × that day's customer price / the days of the customer period containing it, for every period that
/// starts by the end of what the contract's last invoice covers; Azure usage per whole month ended before that invoice.
/// It replays the accepted events itself (terms, renewals with scheduled quantities, expiry, upgrades, cancellations),
/// knowing nothing of ledgers, keys or billing in advance, so the engine's total must match it within half a cent a line.
/// </summary>
public static class DayByDayModel
{
    public static decimal Total(Scenario scenario, BillingContract contract, DateOnly lastBillingDate, ISet<int> rejected) =>
        Total(scenario, contract, lastBillingDate, rejected, new Dictionary<string, decimal>());

    /// <param name="bySubscription">Receives each subscription's part of the total.</param>
    public static decimal Total(Scenario scenario, BillingContract contract, DateOnly lastBillingDate, ISet<int> rejected, Dictionary<string, decimal> bySubscription)
    {
        var run = Midnight(lastBillingDate);
        var horizon = contract.PeriodEndFrom(lastBillingDate);
        var events = scenario.Events.Where(e => !rejected.Contains(e.Index) && e.At < run).ToList();
        var prices = new PriceList(scenario.PriceList);
        var total = 0m;
        var purchases = events.Where(e => e.Type == SubscriptionEventType.Purchase && e.Contract == contract.Id).ToList();
        var created = new Queue<Life>();
        foreach (var purchase in purchases)
        {
            if (purchase.ProductId == PurchaseOrder.AzurePlan)
            {
                var usage = Usage(contract, events.Where(e => e.Subscription == purchase.Subscription && e.Type == SubscriptionEventType.Usage), lastBillingDate);
                bySubscription[purchase.Subscription] = usage;
                total += usage;
                continue;
            }
            var row = prices.Find(purchase.ProductId!, purchase.SkuId!, purchase.Term!.Value, purchase.BillingPlan!.Value, "USD", Day(purchase.At))!;
            created.Enqueue(new Life(purchase.Subscription, purchase.At, Day(purchase.At), row, purchase.Quantity!.Value, purchase.AutoRenew, 0));
        }
        while (created.TryDequeue(out var life))
        {
            var walked = Walk(life, contract, prices, events.Where(e => e.Subscription == life.Id && e.At > life.Since).ToList(), horizon, created);
            bySubscription[life.Id] = walked;
            total += walked;
        }
        return total;
    }

    /// <summary>One subscription from its purchase (or a partial upgrade's creation) on.</summary>
    private sealed record Life(string Id, DateTimeOffset Since, DateOnly Anchor, PriceListRow Row, int Quantity, bool AutoRenew, int OffsetMonths);

    private static decimal Walk(Life life, BillingContract contract, PriceList prices, List<SubscriptionEvent> events, DateOnly horizon, Queue<Life> created)
    {
        var termMonths = (int)life.Row.Term;
        var planMonths = (int)life.Row.BillingPlan;
        var termStart = Day(life.Since);
        var termStartedAt = life.Since;
        var termEnd = life.Anchor.AddMonths(life.OffsetMonths + termMonths).AddDays(-1);
        var offsetMonths = life.OffsetMonths;
        var row = life.Row;
        var quantity = life.Quantity;
        var autoRenew = life.AutoRenew;
        var suspended = false;
        int? scheduled = null;
        DateOnly? endsAfter = null;
        // Per day: the seats billed at each offer (under refunds none a decrease waits for the next period).
        var billed = new Dictionary<PriceListRow, int> { [row] = quantity };
        var total = 0m;
        var termTotal = 0m;
        var next = 0;
        var period = PeriodOf(contract, termStart, life.Anchor, offsetMonths, planMonths, termStart, termEnd);
        for (var day = termStart; ; day = day.AddDays(1))
        {
            if (day > termEnd)
            {
                // Renewal at 00:00: only an active subscription with auto-renew on renews, with its scheduled quantity.
                if (suspended || !autoRenew || endsAfter is not null) break;
                offsetMonths += termMonths;
                termStart = day;
                termStartedAt = Midnight(day);
                termEnd = life.Anchor.AddMonths(offsetMonths + termMonths).AddDays(-1);
                quantity = scheduled ?? quantity;
                scheduled = null;
                row = prices.Find(row.ProductId, row.SkuId, row.Term, row.BillingPlan, "USD", day)!;
            }
            if (day > period.Period.End || day == termStart) period = PeriodOf(contract, day, life.Anchor, offsetMonths, planMonths, termStart, termEnd);
            // A cancelled subscription is billed to the end of the period that contains the cancellation (refunds none), no further.
            if (period.Period.Start > horizon || (endsAfter is { } last && period.Period.Start > last)) break;
            if (day == termStart) termTotal = 0m;
            if (day == period.Period.Start) billed = new Dictionary<PriceListRow, int> { [row] = quantity };

            for (; next < events.Count && Day(events[next].At) == day; next++)
            {
                var e = events[next];
                switch (e.Type)
                {
                    case SubscriptionEventType.SetQuantity:
                        // Setting the current quantity again changes nothing, not even the scheduled renewal.
                        if (e.Quantity == quantity) break;
                        Change(billed, row, e.Quantity!.Value - quantity, contract, decrease: true);
                        quantity = e.Quantity!.Value;
                        scheduled = null;
                        break;
                    case SubscriptionEventType.Cancel:
                        if (e.At <= termStartedAt.AddHours(24))
                        {
                            // Within 24 hours of the purchase everything is credited; of a renewal, the new term is.
                            if (offsetMonths == life.OffsetMonths && termStart == Day(life.Since)) return 0m;
                            return total - termTotal;
                        }
                        Change(billed, row, -quantity, contract, decrease: true);
                        quantity = 0;
                        endsAfter = day;
                        break;
                    case SubscriptionEventType.Suspend:
                        suspended = true;
                        autoRenew = false;
                        scheduled = null;
                        break;
                    case SubscriptionEventType.Reactivate:
                        suspended = false;
                        break;
                    case SubscriptionEventType.SetAutoRenew:
                        autoRenew = e.Enabled!.Value;
                        if (!autoRenew) scheduled = null;
                        break;
                    case SubscriptionEventType.ScheduleRenewal:
                        scheduled = e.Quantity ?? scheduled;
                        break;
                    case SubscriptionEventType.Upgrade:
                        var target = prices.Find(e.ToProductId!, e.ToSkuId!, row.Term, row.BillingPlan, "USD", day)!;
                        scheduled = null;
                        if (e.NewSubscription is null)
                        {
                            Change(billed, row, -quantity, contract, decrease: false);
                            Change(billed, target, quantity, contract, decrease: false);
                            row = target;
                        }
                        else
                        {
                            Change(billed, row, -e.Quantity!.Value, contract, decrease: false);
                            quantity -= e.Quantity!.Value;
                            created.Enqueue(new Life(e.NewSubscription, e.At, life.Anchor, target, e.Quantity!.Value, autoRenew, offsetMonths));
                        }
                        break;
                }
            }
            foreach (var (offer, seats) in billed)
            {
                total += seats * CustomerPrice(contract, offer) / period.FullDays;
                termTotal += seats * CustomerPrice(contract, offer) / period.FullDays;
            }
        }
        return total;
    }

    /// <summary>A decrease counts from the day it is made under a prorated refund policy, else from the next period; upgrades always do.</summary>
    private static void Change(Dictionary<PriceListRow, int> billed, PriceListRow offer, int delta, BillingContract contract, bool decrease)
    {
        if (delta < 0 && decrease && contract.Refunds == RefundPolicy.None) return;
        billed[offer] = billed.GetValueOrDefault(offer) + delta;
    }

    /// <summary>The customer period containing a day: a contract month for monthly billing under contract alignment, else the charge cycle; clipped to the term.</summary>
    private static (Period Period, int FullDays) PeriodOf(BillingContract contract, DateOnly day, DateOnly anchor, int offsetMonths, int planMonths, DateOnly termStart, DateOnly termEnd)
    {
        Period full;
        if (planMonths == 1 && contract.Alignment == ContractAlignment.Contract)
            full = ContractMonth.Containing(day, contract.BillingDay);
        else
        {
            var n = 0;
            while (anchor.AddMonths(offsetMonths + (n + 1) * planMonths) <= day) n++;
            full = new Period(anchor.AddMonths(offsetMonths + n * planMonths), anchor.AddMonths(offsetMonths + (n + 1) * planMonths).AddDays(-1));
        }
        return (new Period(full.Start < termStart ? termStart : full.Start, full.End > termEnd ? termEnd : full.End), full.Days);
    }

    private static decimal Usage(BillingContract contract, IEnumerable<SubscriptionEvent> rows, DateOnly lastBillingDate) =>
        rows.Where(r => MonthArithmetic.LastOfMonth(r.UsageDate!.Value) < lastBillingDate)
            .GroupBy(r => MonthArithmetic.FirstOfMonth(r.UsageDate!.Value))
            .Sum(month => Round(Rule(contract, PurchaseOrder.AzurePlan, "") is { Method: PricingMethod.DiscountOffErp } discount
                ? month.Sum(r => r.Retail!.Value) * (1 - discount.Value / 100)
                : month.Sum(r => r.Cost!.Value) * (1 + (Rule(contract, PurchaseOrder.AzurePlan, "")?.Value ?? 0) / 100)));

    private static decimal CustomerPrice(BillingContract contract, PriceListRow row)
    {
        var rule = Rule(contract, row.ProductId, row.SkuId)!;
        var cycle = row.UnitPrice * (int)row.BillingPlan / (int)row.Term;
        return Round(rule.Method switch
        {
            PricingMethod.MarkupOnCost => cycle * (1 + rule.Value / 100),
            PricingMethod.DiscountOffErp => row.ErpPrice!.Value * (int)row.BillingPlan / (int)row.Term * (1 - rule.Value / 100),
            _ => rule.Value,
        });
    }

    private static PricingRule? Rule(BillingContract contract, string product, string sku) =>
        contract.Pricing.FirstOrDefault(r => r.ProductId == product && r.SkuId == sku)
        ?? contract.Pricing.FirstOrDefault(r => r.ProductId == product && r.SkuId is null)
        ?? contract.Pricing.FirstOrDefault(r => r.ProductId == PricingRule.AnyProduct);

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
