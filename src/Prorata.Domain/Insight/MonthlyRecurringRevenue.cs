using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Insight;

/// <summary>
/// MRR at a month end (billing-rules §5): per customer and currency, Σ over the license and partner subscriptions active
/// then (a suspended one counts; cancelled and expired ones do not) of quantity × customer price per cycle ÷ months per
/// cycle, rounded per subscription half away from zero. A bundle counts once, as its parent: its children add their cost
/// to <see cref="MrrTotal.MrrCost"/> (the bundle's cost is what its children cost) and nothing to MRR, and per product
/// the bundle is its parent's product. Usage is never in it.
/// </summary>
public static class MonthlyRecurringRevenue
{
    /// <summary>One subscription's share of MRR and of its cost, each rounded; (0, 0) for one that does not count.</summary>
    public static (decimal Mrr, decimal Cost) Of(MrrSubscription subscription)
    {
        if (!Counts(subscription)) return (0m, 0m);
        var cost = PerMonth(subscription.Quantity, subscription.CostPerCycle, subscription.CycleMonths, subscription.Currency);
        return (subscription.Parent is null ? PerMonth(subscription.Quantity, subscription.PricePerCycle, subscription.CycleMonths, subscription.Currency) : 0m, cost);
    }

    /// <summary>
    /// The totals per (customer, currency) of the subscriptions that count, in the order each pair first appears. A
    /// bundle child counts only while its parent does.
    /// </summary>
    public static IReadOnlyList<MrrTotal> AtMonthEnd(IEnumerable<MrrSubscription> subscriptions) =>
        Sum(subscriptions, s => s.Customer, (customer, currency, mrr, cost) => new MrrTotal(customer, currency, mrr, cost));

    /// <summary>
    /// The totals per (product, currency) of the subscriptions that count, in the order each pair first appears: a
    /// subscription is the product of the offer it is on; a bundle counts once, as its parent's product, with its
    /// children's cost.
    /// </summary>
    public static IReadOnlyList<MrrProductTotal> ByProduct(IEnumerable<MrrSubscription> subscriptions) =>
        Sum(subscriptions, s => s.ProductId, (product, currency, mrr, cost) => new MrrProductTotal(product, currency, mrr, cost));

    /// <summary>The subscriptions that count summed per (key, currency); a bundle child is keyed as its parent, and counts only while its parent does.</summary>
    private static List<TTotal> Sum<TTotal>(IEnumerable<MrrSubscription> subscriptions, Func<MrrSubscription, string> keyOf,
        Func<string, Currency, decimal, decimal, TTotal> total)
    {
        var all = subscriptions as IReadOnlyCollection<MrrSubscription> ?? subscriptions.ToList();
        var sums = new List<(string Key, Currency Currency, decimal Mrr, decimal Cost)>();
        var index = new Dictionary<(string Key, string Currency), int>();
        List<MrrSubscription>? children = null;
        foreach (var subscription in all)
        {
            if (subscription.Parent is not null) (children ??= []).Add(subscription);
            else if (Counts(subscription)) Add(subscription, keyOf(subscription));
        }
        if (children is not null)
        {
            // Bundles are few: their parents are looked up only when there are children.
            var parents = children.Select(c => c.Parent!).ToHashSet(StringComparer.Ordinal);
            var counted = all.Where(s => s.Parent is null && parents.Contains(s.Subscription) && Counts(s)).ToDictionary(s => s.Subscription, StringComparer.Ordinal);
            foreach (var child in children)
                if (Counts(child) && counted.TryGetValue(child.Parent!, out var parent)) Add(child, keyOf(parent));
        }
        return sums.ConvertAll(s => total(s.Key, s.Currency, s.Mrr, s.Cost));

        void Add(MrrSubscription subscription, string key)
        {
            var (mrr, cost) = Of(subscription);
            if (!index.TryGetValue((key, subscription.Currency.Code), out var at))
            {
                index[(key, subscription.Currency.Code)] = sums.Count;
                sums.Add((key, subscription.Currency, mrr, cost));
            }
            else sums[at] = sums[at] with { Mrr = sums[at].Mrr + mrr, Cost = sums[at].Cost + cost };
        }
    }

    /// <summary>The movement from the previous month end's MRR to this one's; <paramref name="aboveZeroBefore"/>: above 0 at any earlier month end.</summary>
    public static MrrMovement Movement(decimal previous, decimal current, bool aboveZeroBefore) =>
        current == previous ? MrrMovement.None
        : previous == 0 ? (aboveZeroBefore ? MrrMovement.Reactivation : MrrMovement.New)
        : current == 0 ? MrrMovement.Churn
        : current > previous ? MrrMovement.Expansion
        : MrrMovement.Contraction;

    private static bool Counts(MrrSubscription subscription) =>
        subscription.Kind != SubscriptionKind.Usage && subscription.Status is SubscriptionStatus.Active or SubscriptionStatus.Suspended;

    private static decimal PerMonth(int quantity, decimal perCycle, int cycleMonths, Currency currency) =>
        Rounding.Customer(quantity * perCycle / cycleMonths, currency);
}
