using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;

namespace Prorata.Domain.Subscriptions;

/// <summary>
/// The partner's subscriptions under Microsoft's NCE rules (billing-rules.md §3, microsoft-csp.md §1): every change
/// asked for (<see cref="ChangeOrigin.Command"/>) is checked against the rules and either refused (a
/// <see cref="Refusal"/>) or applied, recorded in the license change log, and turned into the provider charges
/// Microsoft will make. A change reported as done (<see cref="ChangeOrigin.Fact"/>) skips the rules and is refused only
/// when it cannot be applied at all (no such subscription, ended, no price row, an impossible quantity). Time only moves forward, through
/// <see cref="AdvanceTo"/>, which posts charge cycles and renewals at 00:00 of their day.
/// </summary>
public sealed class SubscriptionBook(PriceList prices, Currency partnerCurrency, ProviderRounding rounding)
{
    private static readonly TimeSpan FullRefundWindow = TimeSpan.FromHours(24);
    /// <summary>Microsoft's 168 hours after a term starts or seats are added, in which they may be cancelled or removed for a refund.</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromHours(168);

    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Subscription>> _byContract = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Subscription, DateOnly> _nextCycles = new();
    private readonly List<ProviderCharge> _charges = new();

    public PriceList Prices => prices;
    public Currency PartnerCurrency => partnerCurrency;
    public IReadOnlyList<ProviderCharge> ProviderCharges => _charges;
    public IEnumerable<Subscription> Subscriptions => _subscriptions.Values;

    public int Count => _subscriptions.Count;

    public Subscription? Find(string id) => _subscriptions.GetValueOrDefault(id);

    public IReadOnlyList<Subscription> OfContract(string contractId) =>
        _byContract.TryGetValue(contractId, out var list) ? list : [];

    /// <summary>Posts every charge cycle and renewal that starts on or before <paramref name="day"/>.</summary>
    public void AdvanceTo(DateOnly day)
    {
        while (_nextCycles.TryPeek(out var subscription, out var start) && start <= day)
        {
            _nextCycles.Dequeue();
            if (subscription.NextCycleStart != start || subscription.HasEnded) continue;
            if (start <= subscription.CurrentTerm.Period.End) ChargeCycle(subscription, start);
            else Renew(subscription, start);
        }
    }

    public Refusal? Purchase(PurchaseOrder order)
    {
        if (_subscriptions.ContainsKey(order.SubscriptionId))
            throw new InvalidOperationException($"Subscription '{order.SubscriptionId}' already exists.");
        if (order.Quantity < 1)
            return new Refusal(RefusalCode.InvalidQuantity, $"A purchase needs at least 1 seat; got {order.Quantity}.");
        Subscription? parent = null;
        if (order.ParentId is not null)
        {
            parent = Find(order.ParentId);
            if (parent is null) return Unknown(order.ParentId);
            if (parent.HasEnded) return NotActive(parent);
        }

        var day = DateOnly.FromDateTime(order.At.UtcDateTime);
        if (string.Equals(order.ProductId, PurchaseOrder.AzurePlan, StringComparison.OrdinalIgnoreCase))
        {
            var plan = Add(new Subscription(order.SubscriptionId, order.ContractId, SubscriptionKind.Usage, order.ParentId), parent);
            plan.Segments.Add(new OfferSegment(order.At, PurchaseOrder.AzurePlan, order.SkuId ?? "", null, day));
            plan.Changes.Add(new LicenseChange(order.EventId, LicenseChangeKind.Purchase, order.At, day, order.Quantity, 0));
            plan.Quantity = order.Quantity;
            return null;
        }

        var partnerProduct = prices.IsPartnerProduct(order.ProductId);
        var row = order.Term is { } term && order.Plan is { } billingPlan
            ? prices.Find(order.ProductId, order.SkuId ?? "", term, billingPlan, partnerCurrency.Code, day)
            : null;
        if (row is null && partnerProduct) row = prices.FindAnyOffer(order.ProductId, order.SkuId, partnerCurrency.Code, day);
        if (row is null)
            return new Refusal(RefusalCode.UnknownOffer,
                $"No price-list row is in force on {day:yyyy-MM-dd} for {order.ProductId}/{order.SkuId} {order.Term} billed {order.Plan?.ToString().ToLowerInvariant()} in {partnerCurrency.Code}.");

        var kind = partnerProduct ? SubscriptionKind.PartnerProduct : SubscriptionKind.License;
        var subscription = Add(new Subscription(order.SubscriptionId, order.ContractId, kind, order.ParentId) { CalendarAligned = order.AlignToCalendarMonth }, parent);
        subscription.AutoRenew = order.AutoRenew;
        var anchor = order.AlignToCalendarMonth ? MonthArithmetic.FirstOfMonth(day) : day;
        var firstTerm = new SubscriptionTerm(0, SubscriptionTerm.PeriodOf(anchor, 0, day, row.Term), anchor, 0, row.Term, row.BillingPlan, order.At,
            $"{order.SubscriptionId}:{order.EventId}");
        StartTerm(subscription, firstTerm, new OfferSegment(order.At, row.ProductId, row.SkuId, row, day), order.Quantity, ChargeType.New);
        subscription.Changes.Add(new LicenseChange(order.EventId, LicenseChangeKind.Purchase, order.At, day, order.Quantity, 0));
        return null;
    }

    public Refusal? SetQuantity(string eventId, string subscriptionId, int quantity, DateTimeOffset at, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (CheckChangeable(subscription, origin) is { } refusal) return refusal;
        if (subscription.Kind == SubscriptionKind.Usage)
            return new Refusal(RefusalCode.InvalidQuantity, $"{subscriptionId} is an Azure plan: it is billed on usage and has no seats to change.");
        if (quantity < 1)
            return new Refusal(RefusalCode.InvalidQuantity, $"A subscription keeps at least 1 seat; {quantity} was asked for {subscriptionId} (cancel it instead).");
        if (quantity == subscription.Quantity) return null;

        // A bundle's children follow its quantity: the change is refused whole if any child refuses it.
        if (origin == ChangeOrigin.Command)
            foreach (var member in WithChildren(subscription))
                if (Follows(member) && CheckQuantity(member, quantity, at) is { } childRefusal) return childRefusal;
        foreach (var member in WithChildren(subscription))
            if (Follows(member) && member.Quantity != quantity) ApplyQuantity(member, quantity, at, eventId);
        return null;

        static bool Follows(Subscription member) => !member.HasEnded && member.Kind != SubscriptionKind.Usage;
    }

    /// <summary>
    /// Cancels now: a full refund within 24 hours of the term's start, else a prorated refund from today. As a fact
    /// reported after the 168-hour window (Microsoft made an exception), it is refunded the same way.
    /// </summary>
    public Refusal? Cancel(string eventId, string subscriptionId, DateTimeOffset at, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (subscription.HasEnded) return NotActive(subscription);
        foreach (var member in WithChildren(subscription))
        {
            if (origin == ChangeOrigin.Fact || member.HasEnded || member.Kind != SubscriptionKind.License) continue;
            var deadline = member.CurrentTerm.StartedAt + ChangeWindow;
            if (at > deadline)
                return new Refusal(RefusalCode.CancellationWindowClosed,
                    $"{member.Id} can no longer be cancelled: its 168-hour cancellation window closed at {deadline:yyyy-MM-dd HH:mm} UTC; the partner owes the full term.");
        }
        foreach (var member in WithChildren(subscription))
            if (!member.HasEnded) ApplyCancel(member, at, eventId);
        return null;
    }

    public Refusal? Suspend(string subscriptionId, DateTimeOffset at, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (subscription.HasEnded) return NotActive(subscription);
        if (subscription.Status == SubscriptionStatus.Suspended) return origin == ChangeOrigin.Fact ? null : Suspended(subscription);
        foreach (var member in WithChildren(subscription))
        {
            if (member.HasEnded) continue;
            // Microsoft keeps charging a suspended subscription and turns its auto-renew off (microsoft-csp.md §1.4).
            member.Status = SubscriptionStatus.Suspended;
            member.AutoRenew = false;
            member.Schedule(null, at);
        }
        return null;
    }

    public Refusal? Reactivate(string subscriptionId)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (subscription.HasEnded) return NotActive(subscription);
        foreach (var member in WithChildren(subscription))
            if (member.Status == SubscriptionStatus.Suspended) member.Status = SubscriptionStatus.Active;
        return null;
    }

    public Refusal? SetAutoRenew(string subscriptionId, bool enabled, DateTimeOffset at, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (subscription.HasEnded) return NotActive(subscription);
        if (enabled && subscription.Status == SubscriptionStatus.Suspended && origin == ChangeOrigin.Command) return Suspended(subscription);
        foreach (var member in WithChildren(subscription))
        {
            if (member.HasEnded) continue;
            member.AutoRenew = enabled;
            if (!enabled) member.Schedule(null, at);
        }
        return null;
    }

    public Refusal? ScheduleRenewal(string subscriptionId, ScheduledRenewal change, DateTimeOffset at, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (CheckChangeable(subscription, origin) is { } refusal) return refusal;
        if (subscription.Kind == SubscriptionKind.Usage)
            return new Refusal(RefusalCode.UnknownOffer, $"{subscriptionId} is an Azure plan: it has no term to renew.");
        if (!subscription.AutoRenew && origin == ChangeOrigin.Command)
            return new Refusal(RefusalCode.SubscriptionNotActive, $"Changes at renewal need auto-renew on; {subscriptionId} will not renew.");
        if (change.Quantity is < 1)
            return new Refusal(RefusalCode.InvalidQuantity, $"A renewal needs at least 1 seat; got {change.Quantity}.");

        foreach (var member in WithChildren(subscription))
        {
            if (member.HasEnded || member.Kind == SubscriptionKind.Usage) continue;
            var merged = Merge(member.ScheduledRenewal, member == subscription ? change : change with { SkuId = null, Term = null, BillingPlan = null });
            var renewsOn = member.CurrentTerm.Period.End.AddDays(1);
            var offer = member.CurrentOffer;
            var row = prices.Find(offer.ProductId, merged.SkuId ?? offer.SkuId, merged.Term ?? member.Term, merged.BillingPlan ?? member.Plan, partnerCurrency.Code, renewsOn);
            if (row is null)
                return new Refusal(RefusalCode.UnknownOffer,
                    $"No price-list row will be in force on {renewsOn:yyyy-MM-dd} for {offer.ProductId}/{merged.SkuId ?? offer.SkuId} {merged.Term ?? member.Term} billed {(merged.BillingPlan ?? member.Plan).ToString().ToLowerInvariant()}.");
        }
        foreach (var member in WithChildren(subscription))
        {
            if (member.HasEnded || member.Kind == SubscriptionKind.Usage) continue;
            member.Schedule(Merge(member.ScheduledRenewal, member == subscription ? change : change with { SkuId = null, Term = null, BillingPlan = null }), at);
        }
        return null;
    }

    /// <summary>
    /// A mid-term upgrade to another paid offer of the same term and plan that Microsoft's catalog allows (a price row's
    /// <see cref="PriceListRow.UpgradesTo"/>; any when it does not say), microsoft-csp.md §1.4: in place when
    /// <paramref name="newSubscriptionId"/> is null, otherwise <paramref name="quantity"/> seats move to a new,
    /// coterminous subscription. Cancellation windows do not apply to upgrades.
    /// </summary>
    public Refusal? Upgrade(string eventId, string subscriptionId, string? toProductId, string toSkuId, int? quantity, string? newSubscriptionId, DateTimeOffset at,
        ChangeOrigin origin = ChangeOrigin.Command)
    {
        var source = Find(subscriptionId);
        if (source is null) return Unknown(subscriptionId);
        if (CheckChangeable(source, origin) is { } refusal) return refusal;
        if (source.Kind != SubscriptionKind.License)
            return new Refusal(RefusalCode.InvalidUpgrade, $"{subscriptionId} is not a Microsoft license subscription and cannot be upgraded.");
        var from = source.CurrentOffer;
        var productId = toProductId ?? from.ProductId;
        if (string.Equals(productId, from.ProductId, StringComparison.OrdinalIgnoreCase) && string.Equals(toSkuId, from.SkuId, StringComparison.OrdinalIgnoreCase))
            return origin == ChangeOrigin.Fact ? null : new Refusal(RefusalCode.InvalidUpgrade, $"{subscriptionId} is already on {from.ProductId}/{from.SkuId}.");
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        // Eligibility is Microsoft's catalog, as known on the upgrade day; never the price (Microsoft's own example
        // upgrades a 10.08 SKU to a 6.43 one).
        var catalog = prices.Find(from.ProductId, from.SkuId, source.Term, source.Plan, partnerCurrency.Code, day) ?? from.Row;
        if (origin == ChangeOrigin.Command && catalog?.UpgradesTo is { } targets && !targets.Any(t => t.Is(productId, toSkuId)))
            return new Refusal(RefusalCode.InvalidUpgrade,
                $"Microsoft's catalog does not allow {from.ProductId}/{from.SkuId} to upgrade to {productId}/{toSkuId}; it allows {(targets.Count == 0 ? "no upgrade" : string.Join(", ", targets.Select(t => $"{t.ProductId}/{t.SkuId}")))}.");
        var row = prices.Find(productId, toSkuId, source.Term, source.Plan, partnerCurrency.Code, day);
        if (row is null)
            return new Refusal(RefusalCode.UnknownOffer,
                $"No price-list row is in force on {day:yyyy-MM-dd} for {productId}/{toSkuId} {source.Term} billed {source.Plan.ToString().ToLowerInvariant()}.");
        if (origin == ChangeOrigin.Command && (row.Publisher != Publisher.Microsoft || row.UnitPrice == 0))
            return new Refusal(RefusalCode.InvalidUpgrade,
                $"{productId}/{toSkuId} is not a paid Microsoft offer: new commerce upgrades go from paid to paid.");
        if (newSubscriptionId is not null)
        {
            if (_subscriptions.ContainsKey(newSubscriptionId))
                return new Refusal(RefusalCode.InvalidUpgrade, $"A partial upgrade needs a new subscription, but '{newSubscriptionId}' already exists.");
            if (quantity is not { } moved || moved < 1 || moved >= source.Quantity)
                return new Refusal(RefusalCode.InvalidQuantity,
                    $"A partial upgrade moves between 1 and {source.Quantity - 1} seats of {subscriptionId}; got {quantity?.ToString() ?? "none"}.");
        }
        else if (quantity is { } all && all != source.Quantity)
            return new Refusal(RefusalCode.InvalidUpgrade,
                $"Moving {all} of {source.Quantity} seats needs a newSubscription to move them to.");

        var term = source.CurrentTerm;
        var cycle = term.CycleContaining(day);
        var fullDays = term.FullCycleContaining(day).Days;
        var billed = new Period(day, cycle.End);
        var reference = $"{subscriptionId}:{eventId}";
        var segment = new OfferSegment(at, row.ProductId, row.SkuId, row, day);
        if (newSubscriptionId is null)
        {
            var seats = source.Quantity;
            Post(source, ChargeType.Convert, billed, fullDays, from, seats, -1, reference);
            Post(source, ChargeType.Convert, billed, fullDays, segment, seats, +1, reference);
            source.Changes.Add(new LicenseChange(eventId, LicenseChangeKind.UpgradeCredit, at, day, -seats, source.Segments.Count - 1));
            source.Segments.Add(segment);
            source.Changes.Add(new LicenseChange(eventId, LicenseChangeKind.UpgradeCharge, at, day, seats, source.Segments.Count - 1));
        }
        else
        {
            var moved = quantity!.Value;
            Post(source, ChargeType.Convert, billed, fullDays, from, moved, -1, reference);
            source.Changes.Add(new LicenseChange(eventId, LicenseChangeKind.UpgradeCredit, at, day, -moved, source.Segments.Count - 1));
            source.Quantity -= moved;
            ConsumeSeatBatches(source, moved);

            var target = Add(new Subscription(newSubscriptionId, source.ContractId, SubscriptionKind.License, source.ParentId) { CalendarAligned = source.CalendarAligned },
                source.ParentId is null ? null : Find(source.ParentId));
            target.AutoRenew = source.AutoRenew;
            target.Quantity = moved;
            // Coterminous with the source: same anchor and end, starting on the day of the upgrade.
            target.Terms.Add(term with { Index = 0, Period = new Period(day, term.Period.End), Reference = reference });
            target.Segments.Add(segment);
            target.Changes.Add(new LicenseChange(eventId, LicenseChangeKind.Purchase, at, day, moved, 0));
            Post(target, ChargeType.Convert, billed, fullDays, segment, moved, +1, reference);
            Schedule(target, cycle.End.AddDays(1));
        }
        source.Schedule(null, at);
        return null;
    }

    /// <summary>A usage row of an Azure plan; as a fact, a row dated after the plan's cancellation is still Microsoft's charge and is kept.</summary>
    public Refusal? RecordUsage(string subscriptionId, UsageRecord usage, ChangeOrigin origin = ChangeOrigin.Command)
    {
        var subscription = Find(subscriptionId);
        if (subscription is null) return Unknown(subscriptionId);
        if (subscription.Kind != SubscriptionKind.Usage)
            return new Refusal(RefusalCode.UnknownSubscription, $"{subscriptionId} is not an Azure plan: usage rows belong to an Azure plan subscription.");
        if (origin == ChangeOrigin.Command && subscription.CancelledOn is { } cancelled && usage.Date > cancelled)
            return new Refusal(RefusalCode.SubscriptionNotActive, $"{subscriptionId} was cancelled on {cancelled:yyyy-MM-dd}; usage dated {usage.Date:yyyy-MM-dd} cannot belong to it.");
        subscription.Usage.Add(usage);
        return null;
    }

    /// <summary>The next term if the subscription renews as it stands now (auto-renew on, active, scheduled changes applied), else null.</summary>
    public RenewalPlan? PlanRenewal(Subscription subscription)
    {
        if (subscription.Kind == SubscriptionKind.Usage || subscription.Status != SubscriptionStatus.Active || !subscription.AutoRenew) return null;
        var schedule = subscription.ScheduledRenewal;
        var offer = subscription.CurrentOffer;
        var term = subscription.CurrentTerm;
        return Plan(term.Period.End.AddDays(1), term.Anchor, term.OffsetMonths + (int)term.Term, schedule?.Term ?? subscription.Term,
            schedule?.BillingPlan ?? subscription.Plan, offer.ProductId, schedule?.SkuId ?? offer.SkuId, schedule?.Quantity ?? subscription.Quantity, subscription.Kind);
    }

    /// <summary>The renewal after a planned one, on the same offer at the price in force then.</summary>
    public RenewalPlan? PlanFollowingRenewal(RenewalPlan previous, SubscriptionKind kind) =>
        Plan(previous.End.AddDays(1), previous.Anchor, previous.OffsetMonths + (int)previous.Term, previous.Term, previous.Plan,
            previous.ProductId, previous.SkuId, previous.Quantity, kind);

    private RenewalPlan? Plan(DateOnly on, DateOnly anchor, int offsetMonths, TermDuration term, BillingPlan plan, string productId, string skuId, int quantity, SubscriptionKind kind)
    {
        var row = prices.Find(productId, skuId, term, plan, partnerCurrency.Code, on);
        if (row is null && kind == SubscriptionKind.PartnerProduct) row = prices.FindAnyOffer(productId, skuId, partnerCurrency.Code, on);
        return row is null ? null : new RenewalPlan(on, anchor, offsetMonths, row.Term, row.BillingPlan, productId, skuId, quantity, row);
    }

    private Subscription Add(Subscription subscription, Subscription? parent)
    {
        _subscriptions.Add(subscription.Id, subscription);
        if (!_byContract.TryGetValue(subscription.ContractId, out var list)) _byContract[subscription.ContractId] = list = new List<Subscription>();
        list.Add(subscription);
        parent?.Children.Add(subscription);
        return subscription;
    }

    private void StartTerm(Subscription subscription, SubscriptionTerm term, OfferSegment offer, int quantity, ChargeType chargeType)
    {
        subscription.Terms.Add(term);
        subscription.ChargedThisTerm = 0;
        subscription.Segments.Add(offer);
        subscription.Quantity = quantity;
        subscription.SeatBatches.Clear();
        subscription.SeatBatches.Add(new SeatBatch(quantity, term.StartedAt + ChangeWindow));
        var first = term.CycleContaining(term.Period.Start);
        Post(subscription, chargeType, first, term.FullCycleContaining(term.Period.Start).Days, offer, quantity, +1, term.Reference);
        Schedule(subscription, first.End.AddDays(1));
    }

    private void ChargeCycle(Subscription subscription, DateOnly start)
    {
        var term = subscription.CurrentTerm;
        var cycle = term.CycleContaining(start);
        Post(subscription, ChargeType.CycleCharge, cycle, term.FullCycleContaining(start).Days, subscription.CurrentOffer,
            subscription.Quantity, +1, term.Reference);
        Schedule(subscription, cycle.End.AddDays(1));
    }

    /// <summary>Renewals happen at 00:00 UTC of the day after the term ends, before that day's billing run.</summary>
    private void Renew(Subscription subscription, DateOnly on)
    {
        var plan = PlanRenewal(subscription);
        if (plan is null)
        {
            subscription.Status = SubscriptionStatus.Expired;
            subscription.NextCycleStart = null;
            return;
        }
        var at = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reference = $"renew:{on:yyyyMMdd}";
        if (plan.Quantity != subscription.Quantity)
            subscription.Changes.Add(new LicenseChange(reference, LicenseChangeKind.Renewal, at, on, plan.Quantity - subscription.Quantity, subscription.Segments.Count));
        var term = new SubscriptionTerm(subscription.Terms.Count, new Period(on, plan.End), plan.Anchor, plan.OffsetMonths, plan.Term, plan.Plan, at,
            $"{subscription.Id}:{reference}");
        subscription.Schedule(null, at, beforeRun: true);
        StartTerm(subscription, term, new OfferSegment(at, plan.ProductId, plan.SkuId, plan.Row, on) { Renewal = true }, plan.Quantity, ChargeType.Renew);
    }

    private void ApplyQuantity(Subscription subscription, int quantity, DateTimeOffset at, string eventId)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var delta = quantity - subscription.Quantity;
        if (subscription.Kind == SubscriptionKind.License)
        {
            // Microsoft posts a quantity change as two lines with one ReferenceId: the old quantity refunded and the
            // new one charged, from the change date to the end of the current charge cycle.
            var term = subscription.CurrentTerm;
            var billed = new Period(day, term.CycleContaining(day).End);
            var fullDays = term.FullCycleContaining(day).Days;
            var type = delta > 0 ? ChargeType.AddQuantity : ChargeType.RemoveQuantity;
            var reference = $"{subscription.Id}:{eventId}";
            Post(subscription, type, billed, fullDays, subscription.CurrentOffer, subscription.Quantity, -1, reference);
            Post(subscription, type, billed, fullDays, subscription.CurrentOffer, quantity, +1, reference);
        }
        if (delta > 0) subscription.SeatBatches.Add(new SeatBatch(delta, at + ChangeWindow));
        else ConsumeSeatBatches(subscription, -delta);
        subscription.Changes.Add(new LicenseChange(eventId, LicenseChangeKind.Quantity, at, day, delta, subscription.Segments.Count - 1));
        subscription.Quantity = quantity;
        subscription.Schedule(null, at);
    }

    private void ApplyCancel(Subscription subscription, DateTimeOffset at, string eventId)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var effective = day;
        var lastDay = day;
        if (subscription.Kind == SubscriptionKind.License)
        {
            var term = subscription.CurrentTerm;
            var full = at <= term.StartedAt + FullRefundWindow;
            var cycle = term.CycleContaining(day);
            var reference = $"{subscription.Id}:{eventId}";
            if (full)
            {
                PostFullRefund(subscription, new Period(term.Period.Start, cycle.End), term.FullCycleContaining(day).Days, reference);
                if (term.Index == 0) subscription.FullyRefunded = true;
                effective = term.Period.Start;
                // Within 24 hours of a renewal the renewal is undone: the subscription ends with the term before it, so every
                // period of the new term is credited whatever the refund policy (the customer never had that term).
                lastDay = term.Index == 0 ? effective : effective.AddDays(-1);
            }
            else
            {
                Post(subscription, ChargeType.CancelImmediate, new Period(day, cycle.End), term.FullCycleContaining(day).Days, subscription.CurrentOffer,
                    subscription.Quantity, -1, reference);
            }
        }
        subscription.Changes.Add(new LicenseChange(eventId, LicenseChangeKind.Cancellation, at, effective, -subscription.Quantity, subscription.Segments.Count - 1));
        subscription.CancelledOn = lastDay;
        subscription.Status = SubscriptionStatus.Cancelled;
        subscription.Quantity = 0;
        subscription.Schedule(null, at);
        subscription.NextCycleStart = null;
    }

    private Refusal? CheckQuantity(Subscription subscription, int quantity, DateTimeOffset at)
    {
        if (subscription.HasEnded) return NotActive(subscription);
        if (subscription.Status == SubscriptionStatus.Suspended) return Suspended(subscription);
        var reduction = subscription.Quantity - quantity;
        if (reduction <= 0 || subscription.Kind != SubscriptionKind.License) return null;
        var reducible = subscription.ReducibleQuantity(at);
        return reduction <= reducible
            ? null
            : new Refusal(RefusalCode.SeatReductionWindowClosed,
                $"{subscription.Id} cannot go from {subscription.Quantity} to {quantity} seats: only {reducible} seat(s) are still inside their 168-hour reduction window.");
    }

    /// <summary>A reduction uses up the most recently added seats first.</summary>
    private static void ConsumeSeatBatches(Subscription subscription, int seats)
    {
        for (var i = subscription.SeatBatches.Count - 1; i >= 0 && seats > 0; i--)
        {
            var batch = subscription.SeatBatches[i];
            var taken = Math.Min(batch.Quantity, seats);
            batch.Quantity -= taken;
            seats -= taken;
        }
    }

    private void Post(Subscription subscription, ChargeType type, Period billed, int fullCycleDays, OfferSegment offer, int quantity, int sign, string reference)
    {
        if (subscription.Kind != SubscriptionKind.License || quantity == 0) return;
        var (unit, total) = ProviderChargeCalculator.Prorate(offer.CyclePrice, billed, fullCycleDays, quantity, sign, partnerCurrency, rounding);
        _charges.Add(new ProviderCharge(subscription.Id, type, billed.Start, billed.End, offer.CyclePrice, unit, quantity, total, reference,
            offer.ProductId, offer.SkuId, partnerCurrency.Code));
        subscription.ChargedThisTerm += total;
    }

    /// <summary>
    /// A cancellation within 24 hours returns exactly what the term has been charged. That is the current seats at the
    /// cycle price unless seats changed since the term began: seats added a day later were charged for fewer days, and
    /// seats removed were charged for some. Then the line carries the charged total and its average per seat.
    /// </summary>
    private void PostFullRefund(Subscription subscription, Period billed, int fullCycleDays, string reference)
    {
        var offer = subscription.CurrentOffer;
        var quantity = subscription.Quantity;
        var (unit, total) = ProviderChargeCalculator.Prorate(offer.CyclePrice, billed, fullCycleDays, quantity, -1, partnerCurrency, rounding);
        if (total != -subscription.ChargedThisTerm)
        {
            total = -subscription.ChargedThisTerm;
            unit = total / quantity;
        }
        _charges.Add(new ProviderCharge(subscription.Id, ChargeType.CancelImmediate, billed.Start, billed.End, offer.CyclePrice, unit, quantity, total, reference,
            offer.ProductId, offer.SkuId, partnerCurrency.Code));
        subscription.ChargedThisTerm = 0;
    }

    private void Schedule(Subscription subscription, DateOnly nextCycleStart)
    {
        subscription.NextCycleStart = nextCycleStart;
        _nextCycles.Enqueue(subscription, nextCycleStart);
    }

    private static IEnumerable<Subscription> WithChildren(Subscription subscription)
    {
        foreach (var child in subscription.Children) yield return child;
        yield return subscription;
    }

    private static ScheduledRenewal Merge(ScheduledRenewal? existing, ScheduledRenewal change) =>
        existing is null ? change : new ScheduledRenewal(change.Quantity ?? existing.Quantity, change.Term ?? existing.Term,
            change.BillingPlan ?? existing.BillingPlan, change.SkuId ?? existing.SkuId);

    /// <summary>An ended subscription takes no change; a suspended one takes none asked for (a fact reports what Microsoft did anyway).</summary>
    private static Refusal? CheckChangeable(Subscription subscription, ChangeOrigin origin) =>
        subscription.HasEnded ? NotActive(subscription)
        : subscription.Status == SubscriptionStatus.Suspended && origin == ChangeOrigin.Command ? Suspended(subscription)
        : null;

    private static Refusal Unknown(string id) =>
        new(RefusalCode.UnknownSubscription, $"There is no subscription '{id}'.");

    private static Refusal NotActive(Subscription subscription) =>
        new(RefusalCode.SubscriptionNotActive, $"{subscription.Id} is {subscription.Status.ToString().ToLowerInvariant()}: it can no longer be changed.");

    private static Refusal Suspended(Subscription subscription) =>
        new(RefusalCode.SubscriptionSuspended, $"{subscription.Id} is suspended: reactivate it before changing it.");
}
