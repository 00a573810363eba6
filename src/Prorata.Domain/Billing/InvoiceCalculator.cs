using System.Runtime.CompilerServices;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Billing;

/// <summary>
/// The customer side (billing-rules.md §4, §5): an invoice dated D, run at 00:00 of D, is what should have been billed
/// up to the end of the cadence period beginning at D (a month, a quarter or a year) minus what the ledger says was billed — recurring periods in
/// advance, adjustment lines for every change, usage in arrears. Billing a date twice therefore adds nothing.
/// </summary>
public sealed class InvoiceCalculator(SubscriptionBook book)
{
    private readonly Dictionary<PriceKey, CustomerPrice?> _prices = new();
    private readonly Dictionary<BillingItemKey, Item> _should = new();
    private readonly List<Piece> _pieces = new();

    /// <param name="subscriptions">The contract's subscriptions as known at <paramref name="date"/> 00:00.</param>
    /// <param name="alerts">Receives what a person must look at; a set, since the same alert recurs on every run.</param>
    public Invoice Calculate(BillingContract contract, IReadOnlyList<Subscription> subscriptions, DateOnly date, BilledLedger ledger, ICollection<BillingAlert> alerts)
    {
        var lines = new List<InvoiceLine>();
        var should = _should;
        foreach (var subscription in subscriptions)
        {
            if (subscription.IsBundleChild) continue;
            should.Clear();
            var settledBefore = subscription.FullyRefunded || subscription.Kind == SubscriptionKind.Usage ? DateOnly.MinValue : SettledBefore(subscription, ledger);
            if (subscription.Kind == SubscriptionKind.Usage) ShouldBillUsage(contract, subscription, date, should, alerts);
            else if (!subscription.FullyRefunded) ShouldBillLicenses(contract, subscription, date, settledBefore, ledger, should, alerts);
            Difference(subscription, should, ledger, settledBefore, lines);
        }
        return new Invoice(contract.Id, date, contract.DueOn(date), contract.Currency.Code, lines);
    }

    /// <summary>
    /// The day before which the subscription's periods are settled: a change since the last run is dated on or after it,
    /// except a cancellation within 24 hours of a renewal, which takes effect on the renewal date.
    /// </summary>
    private static DateOnly SettledBefore(Subscription subscription, BilledLedger ledger)
    {
        if (ledger.LastRun is not { } lastRun) return DateOnly.MinValue;
        var settled = lastRun;
        var lastRunAt = Midnight(lastRun);
        // The log is in time order: only its tail can be newer than the last run.
        for (var i = subscription.Changes.Count - 1; i >= 0 && subscription.Changes[i].At >= lastRunAt; i--)
            if (subscription.Changes[i].Date < settled) settled = subscription.Changes[i].Date;
        return settled;
    }

    private void ShouldBillLicenses(BillingContract contract, Subscription subscription, DateOnly date, DateOnly settledBefore, BilledLedger ledger,
        Dictionary<BillingItemKey, Item> should, ICollection<BillingAlert> alerts)
    {
        var horizon = contract.PeriodEndFrom(date);
        var runAt = Midnight(date);
        var startedAt = subscription.Changes[0].At;
        var lastDay = subscription.CancelledOn ?? DateOnly.MaxValue;
        var bill = new PeriodBilling(this, contract, subscription, should, alerts);
        foreach (var term in subscription.Terms)
        {
            if (term.Period.End < settledBefore) continue;
            foreach (var (period, periodDays) in CustomerPeriods(contract, term.Period, term.Anchor, term.OffsetMonths, term.Plan, settledBefore))
            {
                if (period.Start > horizon || period.Start > lastDay) break;
                _pieces.Clear();
                // The base is the quantity known by the run that first billed the period if that was before it began (billed
                // in advance), else the quantity at its start: after that instant's renewal, before any other event of it.
                var billedAt = Midnight(ledger.FirstBilledOn(subscription.Id, period.Start, period.End) ?? date);
                var periodStart = Midnight(period.Start);
                var asOf = billedAt < periodStart ? billedAt : periodStart;
                if (asOf <= startedAt)
                {
                    // The period the subscription was bought in: the base is the purchase (with anything of the same instant).
                    bill.Base(period, periodDays, subscription.QuantityAt(startedAt), subscription.Segments[subscription.SegmentAt(startedAt)]);
                    foreach (var change in subscription.Changes)
                        if (change.At > startedAt) bill.Change(period, periodDays, change, subscription.Segments[change.Segment]);
                }
                else if (term.StartedAt > asOf)
                    // The term as the renewal made it at 00:00, before any other event of that instant.
                    bill.RenewalBilledAhead(period, periodDays, asOf, term.StartedAt, subscription.QuantityKnownAt(term.StartedAt),
                        subscription.Segments[subscription.SegmentKnownAt(term.StartedAt)]);
                else
                {
                    // Every change after that is an item of its own, inside the period or, for a period billed ahead, before it.
                    bill.Base(period, periodDays, subscription.QuantityKnownAt(asOf), subscription.Segments[subscription.SegmentKnownAt(asOf)]);
                    foreach (var change in subscription.Changes)
                        if (!Subscription.IsKnownAt(change, asOf)) bill.Change(period, periodDays, change, subscription.Segments[change.Segment]);
                }
                Rollouts(should, contract, subscription, period, periodDays, _pieces, alerts);
            }
        }

        // Renewals billed ahead: periods of a coming term, when the subscription as known now will renew.
        if (subscription.HasEnded) return;
        for (var plan = book.PlanRenewal(subscription); plan is not null && plan.On <= horizon; plan = book.PlanFollowingRenewal(plan, subscription.Kind))
        {
            var offer = new OfferSegment(runAt, plan.ProductId, plan.SkuId, plan.Row, plan.On);
            foreach (var (period, periodDays) in CustomerPeriods(contract, new Period(plan.On, plan.End), plan.Anchor, plan.OffsetMonths, plan.Plan, plan.On))
            {
                if (period.Start > horizon) break;
                _pieces.Clear();
                var billedAt = Midnight(ledger.FirstBilledOn(subscription.Id, period.Start, period.End) ?? date);
                bill.RenewalBilledAhead(period, periodDays, billedAt, Midnight(plan.On), plan.Quantity, offer);
                Rollouts(should, contract, subscription, period, periodDays, _pieces, alerts);
            }
        }
    }

    /// <summary>The items one subscription's customer periods should bill; each item's seats are kept as a piece for the rollouts.</summary>
    private readonly record struct PeriodBilling(InvoiceCalculator Calculator, BillingContract Contract, Subscription Subscription,
        Dictionary<BillingItemKey, Item> Should, ICollection<BillingAlert> Alerts)
    {
        public void Base(Period period, int periodDays, int quantity, OfferSegment offer)
        {
            if (quantity != 0) Item(period, periodDays, period.Start, BillingItemKey.Base, quantity, offer);
        }

        /// <summary>
        /// A change event's item in a period (billing-rules §4): from the change date to the period end when the period
        /// contains it, or the whole period when the period was billed ahead at the old quantity. A decrease inside the
        /// period is credited only under a prorated refund policy; later periods already billed are always corrected.
        /// </summary>
        public void Change(Period period, int periodDays, LicenseChange change, OfferSegment offer)
        {
            if (change.Kind is LicenseChangeKind.Purchase or LicenseChangeKind.Renewal || change.Date > period.End) return;
            if (change.Date < period.Start)
                Item(period, periodDays, period.Start, change.Source, change.Delta, offer);
            else if (!(change.Delta < 0 && change.FollowsRefundPolicy && Contract.Refunds == RefundPolicy.None))
                Item(period, periodDays, change.Date, change.Source, change.Delta, offer);
        }

        /// <summary>
        /// A period of a term that began after the run that first billed it (a renewal billed in advance): its base is the
        /// quantity planned by that run, at the term's offer. Each change made after that run and before the term began
        /// carries its seats into the term, one item each (an upgrade of every seat carries none: the term's offer already
        /// is the new SKU); what the renewal then did differently from the plan (a scheduled quantity set, changed or
        /// deleted) is one <see cref="BillingItemKey.Renewal"/> item. Changes inside the term are items as usual.
        /// </summary>
        public void RenewalBilledAhead(Period period, int periodDays, DateTimeOffset billedAt, DateTimeOffset termStartedAt, int termQuantity, OfferSegment termOffer)
        {
            var planned = Subscription.PlannedQuantityAt(billedAt);
            Base(period, periodDays, planned, termOffer);
            var carried = 0;
            var changes = Subscription.Changes;
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                if (change.At >= termStartedAt || Subscription.IsKnownAt(change, billedAt) || change.Kind is LicenseChangeKind.Purchase or LicenseChangeKind.Renewal) continue;
                var delta = change.Delta;
                // The two sides of one event (an upgrade's credit and charge) carry over as one.
                while (i + 1 < changes.Count && changes[i + 1].EventId == change.EventId) delta += changes[++i].Delta;
                if (delta == 0) continue;
                Item(period, periodDays, period.Start, change.Source, delta, termOffer);
                carried += delta;
            }
            if (termQuantity - planned - carried != 0)
                Item(period, periodDays, period.Start, BillingItemKey.Renewal, termQuantity - planned - carried, termOffer);
            foreach (var change in changes)
                if (change.At >= termStartedAt) Change(period, periodDays, change, Subscription.Segments[change.Segment]);
        }

        private void Item(Period period, int periodDays, DateOnly from, string source, int quantity, OfferSegment offer)
        {
            Calculator.Add(Should, Contract, Subscription, offer, period, periodDays, from, source, quantity, Alerts);
            Calculator._pieces.Add(new Piece(offer, from, quantity));
        }
    }

    private void ShouldBillUsage(BillingContract contract, Subscription subscription, DateOnly date, Dictionary<BillingItemKey, Item> should, ICollection<BillingAlert> alerts)
    {
        // Usage is billed in arrears: every whole calendar month that ended before the billing date.
        var months = new SortedDictionary<DateOnly, (decimal Cost, decimal Retail)>();
        foreach (var usage in subscription.Usage)
        {
            var month = MonthArithmetic.FirstOfMonth(usage.Date);
            if (MonthArithmetic.LastOfMonth(month) >= date) continue;
            var sum = months.GetValueOrDefault(month);
            months[month] = (sum.Cost + usage.Cost, sum.Retail + usage.Retail);
        }
        var rule = PricingStrategy.Match(contract.Pricing, subscription.CurrentOffer.ProductId, subscription.CurrentOffer.SkuId);
        if (rule is null && months.Count > 0)
            alerts.Add(new BillingAlert(BillingAlertKind.MissingPricingStrategy, subscription.Id,
                $"No pricing rule of contract {contract.Id} matches Azure plan {subscription.Id}: its usage is billed at retail."));
        foreach (var (month, sum) in months)
        {
            var amount = PricingStrategy.Price(rule, sum.Cost, sum.Retail, contract.Currency).PerCycle;
            var period = new Period(month, MonthArithmetic.LastOfMonth(month));
            var key = new BillingItemKey(subscription.Id, period.Start, period.End, period.Start, BillingItemKey.Usage, 0m);
            should[key] = new Item(1m, amount, amount, period.Days, period.Days, subscription.CurrentOffer, sum.Cost);
        }
    }

    /// <summary>
    /// A customer price rolled out inside a period (billing-rules §2, `immediately` or `onDate`) re-prices the seats
    /// billed before its first day, from that day to the period end: credited at the old price, charged at the new.
    /// Seats added from that day on are already priced at the new price.
    /// </summary>
    private void Rollouts(Dictionary<BillingItemKey, Item> should, BillingContract contract, Subscription subscription, Period period, int periodDays,
        List<Piece> pieces, ICollection<BillingAlert> alerts)
    {
        if (!book.Prices.HasRollouts) return;
        for (var i = 0; i < pieces.Count; i++)
        {
            var offer = pieces[i].Offer;
            if (pieces.FindIndex(p => ReferenceEquals(p.Offer, offer)) < i || LockedCustomerRow(contract, offer) is not { } locked) continue;
            foreach (var day in book.Prices.RolloutDays(locked, period.Start, period.End))
            {
                var seats = 0;
                foreach (var piece in pieces)
                    if (ReferenceEquals(piece.Offer, offer) && piece.From < day) seats += piece.Seats;
                if (seats == 0) continue;
                Add(should, contract, subscription, offer, period, periodDays, day, BillingItemKey.Rollout, -seats, alerts, priceOn: day.AddDays(-1));
                Add(should, contract, subscription, offer, period, periodDays, day, BillingItemKey.Rollout, seats, alerts);
            }
        }
    }

    /// <param name="priceOn">The day whose customer price applies; by default <paramref name="from"/>.</param>
    private void Add(Dictionary<BillingItemKey, Item> should, BillingContract contract, Subscription subscription, OfferSegment offer,
        Period period, int periodDays, DateOnly from, string source, int quantity, ICollection<BillingAlert> alerts, DateOnly? priceOn = null)
    {
        if (CustomerPrice(contract, subscription, offer, priceOn ?? from, alerts) is not { } price) return;
        var days = period.DaysFrom(from);
        var key = new BillingItemKey(subscription.Id, period.Start, period.End, from, source, price.PerCycle);
        var quantitySoFar = should.TryGetValue(key, out var existing) ? existing.Quantity : 0m;
        var total = quantitySoFar + quantity;
        var cost = CostPerCycle(contract, subscription, offer, from) is { } perCycle ? GrossProfit.CostOfSeats(total, perCycle, days, periodDays) : (decimal?)null;
        should[key] = new Item(total, Rounding.Customer(total * price.PerCycle * days / periodDays, contract.Currency), price.PerCycle, days, periodDays, offer, cost);
    }

    private CustomerPrice? CustomerPrice(BillingContract contract, Subscription subscription, OfferSegment offer, DateOnly on, ICollection<BillingAlert> alerts)
    {
        var row = LockedCustomerRow(contract, offer) is { } locked ? book.Prices.CustomerRow(locked, on) : null;
        var key = new PriceKey(contract, row, offer.ProductId, offer.SkuId);
        if (!_prices.TryGetValue(key, out var price))
            _prices[key] = price = PriceFor(contract, offer, row);
        if (price is null)
            alerts.Add(new BillingAlert(BillingAlertKind.NoPriceInContractCurrency, subscription.Id,
                $"{offer.ProductId}/{offer.SkuId} has no price in {contract.Currency.Code} on {offer.PriceDate:yyyy-MM-dd} and contract {contract.Id} does not fix one: it is not billed until a price exists."));
        else if (price.Value.MissingStrategy)
            alerts.Add(new BillingAlert(BillingAlertKind.MissingPricingStrategy, subscription.Id,
                $"No pricing rule of contract {contract.Id} matches {offer.ProductId}/{offer.SkuId}: billed at ERP {price.Value.PerCycle} {contract.Currency.Code} per cycle."));
        return price;
    }

    /// <summary>The customer's price per charge cycle of an offer under a contract, or null when nothing prices it.</summary>
    internal decimal? PricePerCycle(BillingContract contract, OfferSegment offer) => CustomerPriceOf(contract, offer)?.PerCycle;

    /// <summary>As <see cref="PricePerCycle"/>, saying also whether it fell back to ERP for want of a pricing rule.</summary>
    internal CustomerPrice? CustomerPriceOf(BillingContract contract, OfferSegment offer) =>
        PriceFor(contract, offer, LockedCustomerRow(contract, offer));

    /// <summary>The customer's price per charge cycle of an offer on <paramref name="day"/> (a rollout begun by then included), or null when nothing prices it.</summary>
    internal decimal? PricePerCycleOn(BillingContract contract, OfferSegment offer, DateOnly day)
    {
        var row = LockedCustomerRow(contract, offer) is { } locked ? book.Prices.CustomerRow(locked, day) : null;
        return PriceFor(contract, offer, row)?.PerCycle;
    }

    /// <summary>
    /// The partner's cost of one charge cycle of an offer, in the contract's currency: the cycle price of the row the term
    /// was locked to (what <c>markupOnCost</c> marks up; a partner product's own row likewise); null without such a row.
    /// </summary>
    internal decimal? CostPerCycle(BillingContract contract, OfferSegment offer) => LockedCustomerRow(contract, offer)?.CyclePrice;

    /// <summary>
    /// The cost of one seat for one charge cycle of what a line bills from <paramref name="from"/>: the offer's own, and for
    /// a bundle its children's too (the children follow the bundle's seats and carry its cost, billing-rules §4), each
    /// child bought by that day and not cancelled before it at its offer then, over the bundle's cycle. Null when a cost is
    /// not known in the contract's currency.
    /// </summary>
    private decimal? CostPerCycle(BillingContract contract, Subscription subscription, OfferSegment offer, DateOnly from)
    {
        if (CostPerCycle(contract, offer) is not { } cost) return null;
        foreach (var child in subscription.Children)
        {
            if (child.Kind == SubscriptionKind.Usage || child.CancelledOn < from) continue;
            OfferSegment? childOffer = null;
            foreach (var segment in child.Segments)
                if (DateOnly.FromDateTime(segment.At.UtcDateTime) <= from) childOffer = segment;
            if (childOffer is null) continue;
            if (LockedCustomerRow(contract, childOffer) is not { } row) return null;
            cost += row.CyclePrice * (int)offer.Row!.BillingPlan / (int)row.BillingPlan;
        }
        return cost;
    }

    /// <summary>
    /// The price row in the contract's currency that the customer's price is locked to, like the cost: the offer's
    /// own row, or for a contract in another currency that currency's row in force when the offer was priced.
    /// </summary>
    private PriceListRow? LockedCustomerRow(BillingContract contract, OfferSegment offer) =>
        offer.Row is null ? null
        : offer.Row.Currency.Equals(contract.Currency.Code, StringComparison.OrdinalIgnoreCase) ? offer.Row
        : book.Prices.Find(offer.ProductId, offer.SkuId, offer.Row.Term, offer.Row.BillingPlan, contract.Currency.Code, offer.PriceDate);

    private static CustomerPrice? PriceFor(BillingContract contract, OfferSegment offer, PriceListRow? row)
    {
        var rule = PricingStrategy.Match(contract.Pricing, offer.ProductId, offer.SkuId);
        if (row is null && rule?.Method != PricingMethod.FixedPrice) return null;
        return PricingStrategy.Price(rule, row?.CyclePrice ?? 0m, row?.CycleErpPrice, contract.Currency);
    }

    private static void Difference(Subscription subscription, Dictionary<BillingItemKey, Item> should, BilledLedger ledger, DateOnly settledBefore, List<InvoiceLine> lines)
    {
        if (subscription.FullyRefunded)
        {
            // A cancellation within 24 hours of purchase credits everything billed in one line, naming the SKU it
            // credits (one line per SKU should the subscription have been upgraded within those hours).
            var credits = new Dictionary<(string ProductId, string SkuId), (decimal Amount, decimal? Cost, DateOnly Start, DateOnly End)>();
            foreach (var key in ledger.KeysOf(subscription.Id))
            {
                var offer = ledger.OfferOf(key);
                var credit = credits.TryGetValue(offer, out var sum) ? sum : (Amount: 0m, Cost: 0m, Start: DateOnly.MaxValue, End: DateOnly.MinValue);
                credits[offer] = (credit.Amount - ledger.Billed(key).Amount, credit.Cost - ledger.BilledCost(key), key.PeriodStart < credit.Start ? key.PeriodStart : credit.Start,
                    key.PeriodEnd > credit.End ? key.PeriodEnd : credit.End);
            }
            var seats = subscription.Changes[^1].Delta;
            foreach (var ((productId, skuId), (amount, cost, start, end)) in credits)
            {
                if (amount == 0) continue;
                var days = end.DayNumber - start.DayNumber + 1;
                lines.Add(new InvoiceLine(subscription.Id, InvoiceLineKind.Credit, start, end, seats, amount / seats, amount, days, days, productId, skuId, null) { Cost = cost });
            }
            return;
        }

        // What was billed but should not have been: a period no longer billed, an old quantity or price. The line names
        // what it credits: an upgrade's credit of the old SKU names the old SKU.
        foreach (var key in ledger.KeysOf(subscription.Id))
        {
            if (key.PeriodEnd < settledBefore || should.ContainsKey(key)) continue;
            var billed = ledger.Billed(key);
            if (billed.Quantity == 0 && billed.Amount == 0) continue;
            var period = new Period(key.PeriodStart, key.PeriodEnd);
            var usage = key.Source == BillingItemKey.Usage;
            var (productId, skuId) = ledger.OfferOf(key);
            lines.Add(new InvoiceLine(subscription.Id, usage ? InvoiceLineKind.Usage : InvoiceLineKind.Adjustment, key.From, key.PeriodEnd,
                usage ? 1m : -billed.Quantity, usage ? -billed.Amount : key.UnitPrice, -billed.Amount, period.DaysFrom(key.From), period.Days,
                productId, skuId, key) { Cost = -ledger.BilledCost(key) });
        }

        foreach (var (key, item) in should)
        {
            var billed = ledger.Billed(key);
            var quantity = item.Quantity - billed.Quantity;
            var amount = item.Amount - billed.Amount;
            if (amount == 0 && (quantity == 0 || key.Source == BillingItemKey.Usage)) continue;
            var kind = key.Source == BillingItemKey.Usage ? InvoiceLineKind.Usage
                : key.IsBase && !ledger.HasBilledPeriod(key.Subscription, key.PeriodStart, key.PeriodEnd) ? InvoiceLineKind.Recurring
                : InvoiceLineKind.Adjustment;
            lines.Add(new InvoiceLine(subscription.Id, kind, key.From, key.PeriodEnd, kind == InvoiceLineKind.Usage ? 1m : quantity,
                kind == InvoiceLineKind.Usage ? amount : key.UnitPrice, amount, item.Days, item.PeriodDays, item.Offer.ProductId, item.Offer.SkuId, key)
            {
                Cost = item.Cost - ledger.BilledCost(key),
            });
        }
    }

    /// <summary>
    /// The customer periods of a term that end on or after <paramref name="from"/>, each with the days its price is
    /// prorated over: contract months for monthly-billed subscriptions under contract alignment, otherwise
    /// Microsoft's own charge cycles.
    /// </summary>
    private static IEnumerable<(Period Period, int PeriodDays)> CustomerPeriods(BillingContract contract, Period term, DateOnly anchor, int offsetMonths, BillingPlan plan, DateOnly from)
    {
        var first = from > term.Start ? from : term.Start;
        if (plan == BillingPlan.Monthly && contract.Alignment == ContractAlignment.Contract)
        {
            for (var month = ContractMonth.Containing(first, contract.BillingDay); month.Start <= term.End;
                 month = new Period(month.Start.AddMonths(1), month.Start.AddMonths(2).AddDays(-1)))
                yield return (Clip(month, term), month.Days);
            yield break;
        }
        var months = (int)plan;
        for (var n = MonthArithmetic.CycleIndex(anchor, offsetMonths, months, first); ; n++)
        {
            var cycle = MonthArithmetic.Cycle(anchor, offsetMonths, months, n);
            if (cycle.Start > term.End) yield break;
            yield return (Clip(cycle, term), cycle.Days);
        }
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static Period Clip(Period period, Period within) =>
        new(period.Start < within.Start ? within.Start : period.Start, period.End > within.End ? within.End : period.End);

    /// <summary>A customer price depends on the contract, the offer and the row it is priced from; rows and contracts compare by reference.</summary>
    private readonly record struct PriceKey(BillingContract Contract, PriceListRow? Row, string ProductId, string SkuId)
    {
        public bool Equals(PriceKey other) =>
            ReferenceEquals(Contract, other.Contract) && ReferenceEquals(Row, other.Row) && ProductId == other.ProductId && SkuId == other.SkuId;

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(Contract), Row is null ? 0 : RuntimeHelpers.GetHashCode(Row), ProductId);
    }

    /// <summary>Seats a period bills from a day at an offer, kept while the period is worked out for the rollouts inside it.</summary>
    private readonly record struct Piece(OfferSegment Offer, DateOnly From, int Seats);

    /// <param name="Cost">The partner's cost of what the item bills, exact (billing-rules §5, "Gross profit"); null when not known.</param>
    private readonly record struct Item(decimal Quantity, decimal Amount, decimal UnitPrice, int Days, int PeriodDays, OfferSegment Offer, decimal? Cost);
}
