using System.Globalization;
using System.Text.Json.Nodes;
using PartnerCenterSimulator.Api;
using PartnerCenterSimulator.Catalog;
using PartnerCenterSimulator.Clock;
using PartnerCenterSimulator.Model;
using PartnerCenterSimulator.Rules;

namespace PartnerCenterSimulator.State;

/// <summary>
/// Microsoft's side, in memory: customers, subscriptions, orders, the activity log and the charges that become invoices.
/// Every operation runs under one lock and first catches up on what the clock implies (cycle charges, renewals, expiries).
/// </summary>
public sealed class SimulatorState(SimulatedClock clock, OfferCatalog catalog, SimulatorSettings settings)
{
    private readonly Lock _gate = new();
    private readonly List<SimCustomer> _customers = [];
    private readonly Dictionary<string, SimCustomer> _customersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<SimSubscription>> _subscriptionsByCustomer = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimSubscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimCart> _carts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimOrder> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _transitions = [];
    private readonly List<SimAuditRecord> _audit = [];
    private readonly List<SimCharge> _charges = [];
    private readonly Dictionary<string, int> _assignedLicenses = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _nextBoundary = DateTimeOffset.MaxValue;
    private long _sequence;

    public SimulatedClock Clock => clock;

    public OfferCatalog Catalog => catalog;

    public SimulatorSettings Settings => settings;

    public T Read<T>(Func<DateTimeOffset, T> read)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            CatchUp(now);
            return read(now);
        }
    }

    public IReadOnlyList<SimCustomer> Customers => _customers;

    public SimCustomer? FindCustomer(string id) => _customersById.GetValueOrDefault(id);

    public IReadOnlyList<SimSubscription> SubscriptionsOf(string customerId) =>
        _subscriptionsByCustomer.TryGetValue(customerId, out var list) ? list : [];

    public SimSubscription? FindSubscription(string customerId, string subscriptionId) =>
        _subscriptions.TryGetValue(subscriptionId, out var s) && string.Equals(s.CustomerId, customerId, StringComparison.OrdinalIgnoreCase) ? s : null;

    public IReadOnlyList<SimSubscription> AllSubscriptions => [.. _subscriptions.Values];

    public SimOrder? FindOrder(string customerId, string orderId) =>
        _orders.TryGetValue(orderId, out var o) && string.Equals(o.CustomerId, customerId, StringComparison.OrdinalIgnoreCase) ? o : null;

    public IReadOnlyList<SimAuditRecord> AuditRecords => _audit;

    public IReadOnlyList<SimCharge> Charges => _charges;

    public IReadOnlyList<JsonObject> TransitionsOf(string subscriptionId) =>
        [.. _transitions.Where(t => (string?)t["fromSubscriptionId"] == subscriptionId)];

    /// <summary>
    /// Adds <paramref name="customers"/> customers and spreads <paramref name="subscriptions"/> over them, bought in the past
    /// year so most reduction windows are closed. Seeded history is not charged: charges start from the seeding instant.
    /// </summary>
    public IReadOnlyList<SimCustomer> Seed(int customers, int subscriptions, int randomSeed)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            CatchUp(now);
            var random = new Random(randomSeed);
            var added = new List<SimCustomer>(customers);
            for (var i = 0; i < customers; i++)
            {
                var n = _customers.Count + 1;
                var customer = new SimCustomer(
                    Guid(random), Guid(random), $"Customer {n:D5} Ltd", $"customer{n:D5}.onmicrosoft.com", "US", "reseller", now.AddDays(-400));
                AddCustomer(customer);
                added.Add(customer);
            }
            for (var i = 0; i < subscriptions && added.Count > 0; i++)
            {
                var customer = added[i % added.Count];
                var offer = catalog.Offers[random.Next(catalog.Offers.Count)];
                var (term, plan) = random.Next(10) switch
                {
                    < 2 => ("P1M", "monthly"),
                    < 7 => ("P1Y", "monthly"),
                    < 9 => ("P1Y", "annual"),
                    _ => ("P3Y", "annual"),
                };
                var termMonths = TermCalendar.TermMonths(term);
                var ageDays = 8 + random.Next(Math.Max(1, termMonths * 28 - 9));
                var startedAt = now.AddDays(-ageDays).AddMinutes(-random.Next(1440));
                var startDate = DateOnly.FromDateTime(startedAt.UtcDateTime);
                var price = catalog.PriceAt(offer, term, plan, now)!.UnitPrice;
                var quantity = 1 + random.Next(50);
                var sub = new SimSubscription
                {
                    Id = Guid(random),
                    CustomerId = customer.Id,
                    Offer = offer,
                    FriendlyName = offer.SkuTitle,
                    Quantity = quantity,
                    TermDuration = term,
                    BillingCycle = plan,
                    CreationDate = startedAt,
                    TermStartedAt = startedAt,
                    TermStart = startDate,
                    TermEnd = TermCalendar.TermEnd(startDate, term),
                    TermUnitPrice = price,
                    OrderId = OrderId(random),
                    AutoRenew = random.Next(10) > 0,
                };
                sub.Batches.Add(new SeatBatch(quantity, startedAt.AddHours(168)));
                var cycleMonths = TermCalendar.CycleMonths(plan, term);
                sub.NextCycleIndex = TermCalendar.CycleIndexAt(startDate, cycleMonths, DateOnly.FromDateTime(now.UtcDateTime)) + 1;
                AddSubscription(sub);
            }
            // Assigned licenses from a generator of their own, so that seeding the same customers gives the same subscriptions as before.
            var assignments = new Random(randomSeed + 1);
            foreach (var customer in added)
            {
                foreach (var sku in SubscribedSkusOf(customer.Id))
                {
                    // Half to all of the seats are given to users.
                    _assignedLicenses[AssignmentKey(customer.Id, sku.Offer)] = sku.TotalUnits - assignments.Next(sku.TotalUnits / 2 + 1);
                }
            }
            return added;
        }
    }

    /// <summary>
    /// The customer tenant's license SKUs with their seats and assignments (GET …/subscribedskus, §4). A SKU whose assigned
    /// count was never set (<see cref="SetAssignedLicenses"/>, seeding) has every seat assigned.
    /// </summary>
    public IReadOnlyList<SimSubscribedSku> SubscribedSkus(string customerId)
    {
        lock (_gate)
        {
            CatchUp(clock.GetUtcNow());
            return SubscribedSkusOf(customerId);
        }
    }

    /// <summary>Sets how many licenses of an offer's SKU the customer's users hold (the test hook POST /_sim/licenses).</summary>
    public SimError? SetAssignedLicenses(string customerId, string catalogItemId, int consumedUnits)
    {
        lock (_gate)
        {
            if (FindCustomer(customerId) is null)
            {
                return SimError.NotFound("Customer");
            }
            if (catalog.FindByCatalogItemId(catalogItemId) is not { } offer)
            {
                return SimError.NotFound("Catalog item");
            }
            if (consumedUnits < 0)
            {
                return SimError.Invalid($"consumedUnits must be 0 or more; got {consumedUnits}.");
            }
            _assignedLicenses[AssignmentKey(customerId, offer)] = consumedUnits;
            return null;
        }
    }

    private List<SimSubscribedSku> SubscribedSkusOf(string customerId) =>
        SubscriptionsOf(customerId)
            .Where(s => s.IsLive)
            .GroupBy(s => s.Offer.ProvisioningId, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var offer = g.First().Offer;
                var active = g.Where(s => s.Status == "active").Sum(s => s.Quantity);
                var suspended = g.Where(s => s.Status == "suspended").Sum(s => s.Quantity);
                var consumed = _assignedLicenses.TryGetValue(AssignmentKey(customerId, offer), out var assigned) ? assigned : active;
                return new SimSubscribedSku(offer, active, suspended, 0, consumed);
            })
            .OrderBy(sku => sku.Offer.SkuPartNumber, StringComparer.Ordinal)
            .ToList();

    private static string AssignmentKey(string customerId, CatalogOffer offer) => $"{customerId}|{offer.ProvisioningId}";

    public SimCustomer AddCustomer(string companyName, string domain, string country)
    {
        lock (_gate)
        {
            var customer = new SimCustomer(
                System.Guid.NewGuid().ToString(), System.Guid.NewGuid().ToString(), companyName, domain, country, "reseller", clock.GetUtcNow());
            AddCustomer(customer);
            return customer;
        }
    }

    public (SimCart? Cart, SimError? Error) CreateCart(string customerId, IReadOnlyList<SimCartLine> lines)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (FindCustomer(customerId) is null)
            {
                return (null, SimError.NotFound("Customer"));
            }
            foreach (var line in lines)
            {
                if (catalog.FindByCatalogItemId(line.CatalogItemId) is null)
                {
                    return (null, new SimError(400, 10002, $"CatalogItemIdIsNotValid: {line.CatalogItemId}"));
                }
                if (!TermCalendar.IsLegal(line.TermDuration, line.BillingCycle))
                {
                    return (null, new SimError(400, 10004, $"BillingCycleIsNotValid: {line.TermDuration}/{line.BillingCycle}"));
                }
                if (line.Quantity < 1)
                {
                    return (null, new SimError(400, 10006, "QuantityIsNotValid"));
                }
            }
            var cart = new SimCart { Id = System.Guid.NewGuid().ToString(), CustomerId = customerId, CreatedAt = now, Lines = lines };
            _carts[cart.Id] = cart;
            return (cart, null);
        }
    }

    public (SimOrder? Order, SimError? Error) Checkout(string customerId, string cartId, SimActor actor)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            CatchUp(now);
            if (!_carts.TryGetValue(cartId, out var cart) || !string.Equals(cart.CustomerId, customerId, StringComparison.OrdinalIgnoreCase))
            {
                return (null, SimError.NotFound("Cart"));
            }
            if (cart.Status != "Active")
            {
                return (null, SimError.Invalid("The cart has already been checked out."));
            }
            var customer = _customersById[customerId];
            var orderId = NextOrderId();
            var lines = new List<SimOrderLine>();
            foreach (var line in cart.Lines)
            {
                var sub = Purchase(customer, line.CatalogItemId, line.Quantity, line.TermDuration, line.BillingCycle, line.CustomTermEndDate, orderId, now, actor, null);
                lines.Add(new SimOrderLine(line.Id, sub.Offer.CatalogItemId, sub.Id, sub.TermDuration, sub.BillingCycle, sub.FriendlyName, sub.Quantity, sub.TermUnitPrice));
            }
            cart.Status = "Ordered";
            var order = new SimOrder
            {
                Id = orderId, CustomerId = customerId, CreationDate = now, Lines = lines, PollsUntilCompleted = settings.OrderPendingPolls,
            };
            _orders[orderId] = order;
            Audit(customer, actor, "order", null, Shapes.Order(order).ToJsonString(), "create_order", now,
                [new("OrderId", orderId)]);
            return (order, null);
        }
    }

    /// <summary>Reading an order advances its provisioning: after the configured number of polls it completes.</summary>
    public SimOrder? PollOrder(string customerId, string orderId)
    {
        lock (_gate)
        {
            var order = FindOrder(customerId, orderId);
            if (order is { PollsUntilCompleted: > 0 })
            {
                var snapshot = new SimOrder
                {
                    Id = order.Id, CustomerId = order.CustomerId, CreationDate = order.CreationDate, Lines = order.Lines,
                    PollsUntilCompleted = order.PollsUntilCompleted,
                };
                order.PollsUntilCompleted--;
                return snapshot;
            }
            return order;
        }
    }

    /// <summary>
    /// PATCH with the full subscription: every field that differs from the current state is a requested change.
    /// Changes are compared with the state before any of them is applied, so a stale copy of a field the same
    /// request clears (scheduled instructions after a quantity change) is not re-applied.
    /// </summary>
    public (SimSubscription? Subscription, SimError? Error) Patch(string customerId, string subscriptionId, JsonObject body, string? ifMatch, SimActor actor)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            CatchUp(now);
            var s = FindSubscription(customerId, subscriptionId);
            if (s is null)
            {
                return (null, SimError.NotFound("Subscription"));
            }
            if (ifMatch is not null && ifMatch != "*" && ifMatch.Trim('"') != s.ETag)
            {
                return (null, SimError.PreconditionFailed());
            }
            if (s.RenewalProcessingUntil is { } until && now < until)
            {
                return (null, SimError.RenewalInProgress());
            }
            if (!s.IsLive)
            {
                return (null, SimError.NotActive(s.Status));
            }
            var before = Shapes.Subscription(s, now).ToJsonString();
            int? quantity = ReadInt(body["quantity"]);
            var status = (string?)body["status"];
            var autoRenew = ReadBool(body["autoRenewEnabled"]);
            var hasScheduled = body.ContainsKey("scheduledNextTermInstructions");
            var scheduledNode = body["scheduledNextTermInstructions"] as JsonObject;

            var wantsStatus = status is not null && !string.Equals(status, s.Status, StringComparison.OrdinalIgnoreCase) ? status.ToLowerInvariant() : null;
            var wantsQuantity = quantity is { } q && q != s.Quantity ? quantity : null;
            var wantsAutoRenew = autoRenew is { } a && a != s.AutoRenew ? autoRenew : null;
            ScheduledChange? wantedSchedule = null;
            var wantsSchedule = false;
            if (hasScheduled)
            {
                var (parsed, error) = ParseScheduled(scheduledNode, s);
                if (error is not null)
                {
                    return (null, error);
                }
                wantedSchedule = parsed;
                wantsSchedule = parsed != s.Scheduled;
            }
            if (wantsStatus is null && wantsQuantity is null && wantsAutoRenew is null && !wantsSchedule)
            {
                return (s, null);
            }

            var customer = _customersById[s.CustomerId];
            if (wantsStatus == "deleted")
            {
                if (now >= s.CancellationAllowedUntil)
                {
                    return (null, settings.WindowPolicy == WindowPolicy.Days ? SimError.CancellationWindowDays(7) : SimError.CancellationWindowHours(168));
                }
                Cancel(s, customer, now);
            }
            else
            {
                if (wantsQuantity is { } newQuantity)
                {
                    var error = ChangeQuantity(s, customer, newQuantity, now, wantsStatus);
                    if (error is not null)
                    {
                        return (null, error);
                    }
                }
                if (wantsStatus == "suspended")
                {
                    // NCE suspension keeps billing and turns auto-renew off (§1.4); that also drops scheduled changes (§1.5).
                    s.Status = "suspended";
                    s.AutoRenew = false;
                    s.Scheduled = null;
                }
                else if (wantsStatus == "active")
                {
                    s.Status = "active";
                }
                else if (wantsStatus is not null)
                {
                    return (null, SimError.Invalid($"Status '{status}' cannot be set."));
                }
                if (wantsAutoRenew is { } enabled)
                {
                    if (enabled && s.Status != "active")
                    {
                        return (null, SimError.NotActive(s.Status));
                    }
                    s.AutoRenew = enabled;
                    if (!enabled)
                    {
                        s.Scheduled = null;
                    }
                }
                if (wantsSchedule && wantsQuantity is null && wantsAutoRenew is not false && wantsStatus is null)
                {
                    if (wantedSchedule is not null && (s.Status != "active" || !s.AutoRenew))
                    {
                        return (null, SimError.Invalid("Scheduled changes require an active subscription with auto-renew enabled."));
                    }
                    s.Scheduled = wantedSchedule;
                }
            }
            s.Version++;
            Audit(customer, actor, "subscription", before, Shapes.Subscription(s, now).ToJsonString(), "update_subscription", now,
                SubscriptionData(s));
            return (s, null);
        }
    }

    /// <summary>
    /// An upgrade (§1.4, §4.4): to one of the source's upgrade targets, mid-term, no cancellation window.
    /// All seats and no destination → in place (same id); fewer seats → a new coterminous subscription;
    /// a destination id → seats moved into it.
    /// </summary>
    public (JsonObject? Transition, SimError? Error) Transition(string customerId, string subscriptionId, JsonObject body, SimActor actor)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            CatchUp(now);
            var source = FindSubscription(customerId, subscriptionId);
            if (source is null)
            {
                return (null, SimError.NotFound("Subscription"));
            }
            if (source.RenewalProcessingUntil is { } until && now < until)
            {
                return (null, SimError.RenewalInProgress());
            }
            if (source.Status != "active")
            {
                return (null, SimError.NotActive(source.Status));
            }
            var target = catalog.FindByCatalogItemId((string?)body["toCatalogItemId"] ?? "");
            if (target is null || !source.Offer.UpgradeTargets.Contains(target.ProductSku))
            {
                return (null, SimError.Invalid("The target product is not an eligible upgrade of this subscription."));
            }
            var quantity = ReadInt(body["quantity"]) ?? source.Quantity;
            if (quantity < 1 || quantity > source.Quantity)
            {
                return (null, SimError.Invalid($"Quantity must be between 1 and {source.Quantity}."));
            }
            var customer = _customersById[customerId];
            var before = Shapes.Subscription(source, now).ToJsonString();
            var toSubscriptionId = (string?)body["toSubscriptionId"];
            var referenceId = System.Guid.NewGuid().ToString();
            var price = catalog.PriceAt(target, source.TermDuration, source.BillingCycle, now)!.UnitPrice;
            SimSubscription destination;
            if (!string.IsNullOrEmpty(toSubscriptionId))
            {
                destination = FindSubscription(customerId, toSubscriptionId)!;
                if (destination is null || destination.Status != "active" || destination.Offer != target)
                {
                    return (null, SimError.Invalid("SubscriptionNotActive: the destination subscription is not an active subscription of the target product."));
                }
                if (now < destination.CancellationAllowedUntil)
                {
                    return (null, SimError.Invalid("SubscriptionInCancellationWindow: the destination subscription is still in its cancellation window."));
                }
                if (destination.TermEnd < source.TermEnd)
                {
                    return (null, SimError.Invalid("The destination subscription's term ends before the source's."));
                }
                ProrateRemaining(source, customer, "moveQuantity", source.Quantity, source.Quantity - quantity, now, referenceId);
                ProrateRemaining(destination, customer, "moveQuantity", destination.Quantity, destination.Quantity + quantity, now, referenceId);
                source.Quantity -= quantity;
                destination.Quantity += quantity;
                destination.Version++;
                if (source.Quantity == 0)
                {
                    source.Status = "deleted";
                }
            }
            else if (quantity == source.Quantity)
            {
                ProrateRemaining(source, customer, "convert", source.Quantity, 0, now, referenceId);
                source.Offer = target;
                source.FriendlyName = target.SkuTitle;
                source.TermUnitPrice = price;
                ProrateRemaining(source, customer, "convert", 0, source.Quantity, now, referenceId);
                destination = source;
            }
            else
            {
                ProrateRemaining(source, customer, "convert", source.Quantity, source.Quantity - quantity, now, referenceId);
                source.Quantity -= quantity;
                destination = new SimSubscription
                {
                    Id = System.Guid.NewGuid().ToString(),
                    CustomerId = customerId,
                    Offer = target,
                    FriendlyName = target.SkuTitle,
                    Quantity = quantity,
                    TermDuration = source.TermDuration,
                    BillingCycle = source.BillingCycle,
                    CreationDate = now,
                    // Coterminous with the source and on the source's charge cycles; upgrades open no cancellation window.
                    TermStartedAt = source.TermStartedAt,
                    TermStart = source.TermStart,
                    TermEnd = source.TermEnd,
                    TermUnitPrice = price,
                    OrderId = NextOrderId(),
                    AutoRenew = source.AutoRenew,
                    NextCycleIndex = source.NextCycleIndex,
                };
                AddSubscription(destination);
                ProrateRemaining(destination, customer, "convert", 0, quantity, now, referenceId);
            }
            // A mid-term upgrade removes scheduled changes (§1.4).
            source.Scheduled = null;
            source.Version++;
            var transition = new JsonObject
            {
                ["id"] = referenceId,
                ["fromCatalogItemId"] = (string?)body["fromCatalogItemId"],
                ["fromSubscriptionId"] = source.Id,
                ["toCatalogItemId"] = target.CatalogItemId,
                ["toSubscriptionId"] = destination.Id,
                ["quantity"] = quantity,
                ["termDuration"] = source.TermDuration,
                ["billingCycle"] = source.BillingCycle,
                ["transitionType"] = (string?)body["transitionType"] ?? "transition_only",
                ["status"] = "Completed",
                ["events"] = new JsonArray(new JsonObject { ["name"] = "Conversion", ["status"] = "Started", ["timestamp"] = Shapes.Instant(now) }),
                ["attributes"] = Shapes.Attributes("Transition"),
            };
            _transitions.Add(transition);
            if (!ReferenceEquals(destination, source))
            {
                // The seats left the source: the activity log shows that change of the source as well as the destination's.
                Audit(customer, actor, "subscription", before, Shapes.Subscription(source, now).ToJsonString(), "update_subscription", now, SubscriptionData(source));
            }
            Audit(customer, actor, "subscription", before, Shapes.Subscription(destination, now).ToJsonString(), "upgrade_subscription", now,
                SubscriptionData(destination));
            return (transition, null);
        }
    }

    /// <summary>
    /// A legacy → NCE style catalog shift done outside the API: a new subscription carrying
    /// <c>migratedFromSubscriptionId</c>, the old one suspended once the new one is provisioned (§5.2).
    /// </summary>
    public (SimSubscription? Subscription, SimError? Error) Migrate(string customerId, string subscriptionId, SimActor actor)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            CatchUp(now);
            var old = FindSubscription(customerId, subscriptionId);
            if (old is null)
            {
                return (null, SimError.NotFound("Subscription"));
            }
            if (!old.IsLive)
            {
                return (null, SimError.NotActive(old.Status));
            }
            var customer = _customersById[customerId];
            var before = Shapes.Subscription(old, now).ToJsonString();
            var migrated = Purchase(customer, old.Offer.CatalogItemId, old.Quantity, "P1Y", old.BillingCycle == "annual" ? "annual" : "monthly", null, NextOrderId(), now, actor, old.Id);
            old.Status = "suspended";
            old.AutoRenew = false;
            old.Scheduled = null;
            old.Version++;
            Audit(customer, actor, "subscription", before, Shapes.Subscription(old, now).ToJsonString(), "update_subscription", now, SubscriptionData(old));
            return (migrated, null);
        }
    }

    public IReadOnlyList<SimSubscription> LiveSubscriptionsSnapshot()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values.Where(s => s.IsLive)];
        }
    }

    /// <summary>Runs the clock-driven part of Microsoft: cycle charges, renewals at the price in force, expiries.</summary>
    public void CatchUp()
    {
        lock (_gate)
        {
            CatchUp(clock.GetUtcNow());
        }
    }

    private void CatchUp(DateTimeOffset now)
    {
        if (now < _nextBoundary)
        {
            return;
        }
        var next = DateTimeOffset.MaxValue;
        foreach (var s in _subscriptions.Values)
        {
            var boundary = NextBoundary(s);
            while (boundary <= now)
            {
                ProcessBoundary(s, boundary);
                boundary = NextBoundary(s);
            }
            if (boundary < next)
            {
                next = boundary;
            }
        }
        _nextBoundary = next;
    }

    private static DateTimeOffset NextBoundary(SimSubscription s)
    {
        if (!s.IsLive)
        {
            return DateTimeOffset.MaxValue;
        }
        var renewal = AtMidnight(s.TermEnd.AddDays(1));
        var cycleMonths = TermCalendar.CycleMonths(s.BillingCycle, s.TermDuration);
        var cycleStart = TermCalendar.CycleStart(s.TermStart, s.NextCycleIndex, cycleMonths);
        var cycle = AtMidnight(cycleStart);
        return cycleStart <= s.TermEnd && cycle < renewal ? cycle : renewal;
    }

    private void ProcessBoundary(SimSubscription s, DateTimeOffset boundary)
    {
        var customer = _customersById[s.CustomerId];
        var renewal = AtMidnight(s.TermEnd.AddDays(1));
        if (boundary < renewal)
        {
            // Suspended subscriptions keep being billed in NCE (§1.4).
            ChargeCycle(s, customer, "cycleCharge", s.NextCycleIndex, boundary, System.Guid.NewGuid().ToString());
            s.NextCycleIndex++;
            return;
        }
        if (s.Status != "active" || !s.AutoRenew)
        {
            s.Status = "expired";
            s.Version++;
            return;
        }
        if (s.Scheduled is { } next)
        {
            s.Offer = catalog.FindByProductSku($"{next.ProductId}:{next.SkuId}") ?? s.Offer;
            s.FriendlyName = s.Offer.SkuTitle;
            s.Quantity = next.Quantity;
            s.TermDuration = next.TermDuration;
            s.BillingCycle = next.BillingCycle;
        }
        var start = s.TermEnd.AddDays(1);
        // The renewal takes the price list in force on the renewal date, not the locked price (§1.5).
        s.TermUnitPrice = catalog.PriceAt(s.Offer, s.TermDuration, s.BillingCycle, boundary)!.UnitPrice;
        s.TermStart = start;
        s.TermEnd = s.Scheduled?.CustomTermEndDate ?? TermCalendar.TermEnd(start, s.TermDuration);
        s.TermStartedAt = boundary;
        s.Scheduled = null;
        s.Batches.Clear();
        // A renewal opens a new 7-day window for cancellation and for the renewed seats (§1.5).
        s.Batches.Add(new SeatBatch(s.Quantity, boundary.AddHours(168)));
        s.NextCycleIndex = 1;
        s.RenewalProcessingUntil = boundary + settings.RenewalProcessing;
        s.Version++;
        ChargeCycle(s, customer, "renew", 0, boundary, System.Guid.NewGuid().ToString());
    }

    private SimSubscription Purchase(
        SimCustomer customer, string catalogItemId, int quantity, string term, string plan, DateOnly? customTermEnd,
        string orderId, DateTimeOffset now, SimActor actor, string? migratedFrom)
    {
        var offer = catalog.FindByCatalogItemId(catalogItemId)!;
        var start = DateOnly.FromDateTime(now.UtcDateTime);
        var sub = new SimSubscription
        {
            Id = System.Guid.NewGuid().ToString(),
            CustomerId = customer.Id,
            Offer = offer,
            FriendlyName = offer.SkuTitle,
            Quantity = quantity,
            TermDuration = term.ToUpperInvariant(),
            BillingCycle = plan.ToLowerInvariant(),
            CreationDate = now,
            TermStartedAt = now,
            TermStart = start,
            TermEnd = customTermEnd ?? TermCalendar.TermEnd(start, term),
            TermUnitPrice = catalog.PriceAt(offer, term, plan, now)!.UnitPrice,
            OrderId = orderId,
            MigratedFromSubscriptionId = migratedFrom,
        };
        sub.Batches.Add(new SeatBatch(quantity, now.AddHours(168)));
        AddSubscription(sub);
        ChargeCycle(sub, customer, "new", 0, now, System.Guid.NewGuid().ToString());
        Audit(customer, actor, "subscription", null, Shapes.Subscription(sub, now).ToJsonString(),
            migratedFrom is null ? "create_subscription" : "migrate_subscription", now, SubscriptionData(sub));
        return sub;
    }

    private SimError? ChangeQuantity(SimSubscription s, SimCustomer customer, int quantity, DateTimeOffset now, string? wantedStatus)
    {
        if (s.Status == "suspended" || wantedStatus == "suspended")
        {
            return SimError.Suspended();
        }
        if (quantity < 1)
        {
            return SimError.Invalid("Quantity must be at least 1; cancel the subscription instead.");
        }
        var referenceId = System.Guid.NewGuid().ToString();
        if (quantity > s.Quantity)
        {
            // Each batch of added seats gets its own 168-hour reduction window (§1.3).
            s.Batches.Add(new SeatBatch(quantity - s.Quantity, now.AddHours(168)));
            ProrateRemaining(s, customer, "addQuantity", s.Quantity, quantity, now, referenceId);
        }
        else
        {
            var reduction = s.Quantity - quantity;
            var refundable = s.RefundableQuantity(now);
            if (refundable == 0)
            {
                return settings.WindowPolicy == WindowPolicy.Days ? SimError.SeatReductionWindowDays(7) : SimError.SeatReductionWindowHours(168);
            }
            if (reduction > refundable)
            {
                return SimError.QuantityCannotDecrease();
            }
            var remaining = reduction;
            foreach (var batch in s.Batches.Where(b => b.AllowedUntil > now).OrderByDescending(b => b.AllowedUntil))
            {
                var taken = Math.Min(batch.Quantity, remaining);
                batch.Quantity -= taken;
                remaining -= taken;
                if (remaining == 0)
                {
                    break;
                }
            }
            ProrateRemaining(s, customer, "removeQuantity", s.Quantity, quantity, now, referenceId);
        }
        s.Quantity = quantity;
        // A mid-term quantity change deletes the scheduled next-term instructions (§1.5).
        s.Scheduled = null;
        return null;
    }

    private void Cancel(SimSubscription s, SimCustomer customer, DateTimeOffset now)
    {
        var cycleMonths = TermCalendar.CycleMonths(s.BillingCycle, s.TermDuration);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var index = TermCalendar.CycleIndexAt(s.TermStart, cycleMonths, today);
        var cycleStart = TermCalendar.CycleStart(s.TermStart, index, cycleMonths);
        var cycleEnd = Min(TermCalendar.CycleEnd(s.TermStart, index, cycleMonths), s.TermEnd);
        // Full refund within 24 hours of purchase or renewal, prorated from the cancellation day afterwards (§1.3).
        var full = now < s.TermStartedAt.AddHours(24);
        var from = full ? cycleStart : today;
        var unit = CycleUnitPrice(s);
        var cycleDays = cycleEnd.DayNumber - cycleStart.DayNumber + 1;
        var billingDays = cycleEnd.DayNumber - from.DayNumber + 1;
        var effective = unit / cycleDays * billingDays;
        var total = -Truncate(unit * billingDays / cycleDays * s.Quantity);
        // A full refund returns what the term was charged, which differs from the seats at the cycle price once seats
        // were changed after the purchase or renewal; the line then shows the average per seat.
        var charged = full ? _charges.Where(c => c.SubscriptionId == s.Id && c.ChargeStartDate >= s.TermStart).Sum(c => c.Total) : -total;
        if (charged != -total)
        {
            total = -charged;
            effective = charged / s.Quantity;
        }
        AddCharge(s, customer, "cancelImmediate", now, from, cycleEnd, unit, -effective, s.Quantity, -s.Quantity, total, System.Guid.NewGuid().ToString());
        s.Status = "deleted";
        s.AutoRenew = false;
        s.Scheduled = null;
        s.Batches.Clear();
    }

    /// <summary>
    /// A mid-cycle change posted as two lines with one ReferenceId (§1.7): a refund of the old quantity and a charge
    /// for the new one, each from the event day to the end of the current charge cycle, both ends inclusive.
    /// Rounding convention (A): truncate the line total to cents once.
    /// </summary>
    private void ProrateRemaining(SimSubscription s, SimCustomer customer, string chargeType, int oldQuantity, int newQuantity, DateTimeOffset now, string referenceId)
    {
        var cycleMonths = TermCalendar.CycleMonths(s.BillingCycle, s.TermDuration);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var index = TermCalendar.CycleIndexAt(s.TermStart, cycleMonths, today);
        var cycleStart = TermCalendar.CycleStart(s.TermStart, index, cycleMonths);
        var cycleEnd = Min(TermCalendar.CycleEnd(s.TermStart, index, cycleMonths), s.TermEnd);
        var cycleDays = cycleEnd.DayNumber - cycleStart.DayNumber + 1;
        var billingDays = cycleEnd.DayNumber - today.DayNumber + 1;
        var unit = CycleUnitPrice(s);
        var effective = unit / cycleDays * billingDays;
        if (oldQuantity > 0)
        {
            AddCharge(s, customer, chargeType, now, today, cycleEnd, unit, -effective, oldQuantity, -oldQuantity,
                -Truncate(unit * billingDays / cycleDays * oldQuantity), referenceId);
        }
        if (newQuantity > 0)
        {
            AddCharge(s, customer, chargeType, now, today, cycleEnd, unit, effective, newQuantity, newQuantity,
                Truncate(unit * billingDays / cycleDays * newQuantity), referenceId);
        }
    }

    private void ChargeCycle(SimSubscription s, SimCustomer customer, string chargeType, int index, DateTimeOffset at, string referenceId)
    {
        var cycleMonths = TermCalendar.CycleMonths(s.BillingCycle, s.TermDuration);
        var start = TermCalendar.CycleStart(s.TermStart, index, cycleMonths);
        var end = Min(TermCalendar.CycleEnd(s.TermStart, index, cycleMonths), s.TermEnd);
        var unit = CycleUnitPrice(s);
        AddCharge(s, customer, chargeType, at, start, end, unit, unit, s.Quantity, s.Quantity, Truncate(unit * s.Quantity), referenceId);
    }

    /// <summary>The price per charge cycle: the whole-term price divided by the cycles in the term (§1.2).</summary>
    private static decimal CycleUnitPrice(SimSubscription s) => s.TermUnitPrice / TermCalendar.CyclesPerTerm(s.TermDuration, s.BillingCycle);

    private void AddCharge(
        SimSubscription s, SimCustomer customer, string chargeType, DateTimeOffset at, DateOnly start, DateOnly end,
        decimal unitPrice, decimal effectiveUnitPrice, int quantity, int billableQuantity, decimal total, string referenceId)
    {
        var upfront = TermCalendar.CyclesPerTerm(s.TermDuration, s.BillingCycle) == 1;
        _charges.Add(new SimCharge(
            customer.Id, customer.CompanyName, customer.Domain, customer.Country, s.OrderId, at,
            s.Offer.ProductId, s.Offer.SkuId, s.Offer.AvailabilityId, s.Offer.SkuTitle, s.Offer.ProductTitle,
            chargeType, Math.Round(unitPrice, 4), quantity, total, 0m, total, s.Currency, s.Id, s.FriendlyName,
            start, end, TermCalendar.TermAndBillingCycle(s.TermDuration, s.BillingCycle), Math.Round(effectiveUnitPrice, 6),
            billableQuantity, upfront ? "" : s.BillingCycle, s.TermStart, s.TermEnd, referenceId));
    }

    private void Audit(
        SimCustomer customer, SimActor actor, string resourceType, string? oldValue, string? newValue, string operationType,
        DateTimeOffset now, IReadOnlyList<KeyValuePair<string, string>> data) =>
        _audit.Add(new SimAuditRecord(
            System.Guid.NewGuid().ToString(), settings.PartnerId, customer.Id, customer.CompanyName, actor.UserPrincipalName,
            actor.ApplicationId, resourceType, oldValue, newValue, operationType, now, "succeeded", data));

    private static IReadOnlyList<KeyValuePair<string, string>> SubscriptionData(SimSubscription s) =>
    [
        new("SubscriptionId", s.Id),
        new("OfferId", s.Offer.CatalogItemId),
        new("Quantity", s.Quantity.ToString(CultureInfo.InvariantCulture)),
        new("Status", s.Status),
        new("AutoRenewEnabled", s.AutoRenew ? "true" : "false"),
    ];

    private (ScheduledChange? Change, SimError? Error) ParseScheduled(JsonObject? node, SimSubscription s)
    {
        if (node is null)
        {
            return (null, null);
        }
        var product = node["product"] as JsonObject;
        var productId = (string?)product?["productId"] ?? s.Offer.ProductId;
        var skuId = (string?)product?["skuId"] ?? s.Offer.SkuId;
        var offer = catalog.FindByProductSku($"{productId}:{skuId}");
        if (offer is null)
        {
            return (null, SimError.Invalid("The scheduled product is not in the catalog."));
        }
        var term = ((string?)product?["termDuration"] ?? s.TermDuration).ToUpperInvariant();
        var plan = ((string?)product?["billingCycle"] ?? s.BillingCycle).ToLowerInvariant();
        if (!TermCalendar.IsLegal(term, plan))
        {
            return (null, SimError.Invalid($"{term}/{plan} is not a valid term and billing plan."));
        }
        var quantity = ReadInt(node["quantity"]) ?? s.Quantity;
        if (quantity < 1)
        {
            return (null, SimError.Invalid("The scheduled quantity must be at least 1."));
        }
        DateOnly? customEnd = (string?)node["customTermEndDate"] is { Length: >= 10 } text
            ? DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return (new ScheduledChange(offer.ProductId, offer.SkuId, offer.AvailabilityId, plan, term, quantity, customEnd), null);
    }

    private void AddCustomer(SimCustomer customer)
    {
        _customers.Add(customer);
        _customersById[customer.Id] = customer;
        _subscriptionsByCustomer[customer.Id] = [];
    }

    private void AddSubscription(SimSubscription sub)
    {
        _subscriptions[sub.Id] = sub;
        _subscriptionsByCustomer[sub.CustomerId].Add(sub);
        var boundary = NextBoundary(sub);
        if (boundary < _nextBoundary)
        {
            _nextBoundary = boundary;
        }
    }

    private string NextOrderId() => (++_sequence).ToString("x12", CultureInfo.InvariantCulture);

    private static string OrderId(Random random) => random.NextInt64(0x1000_0000_0000, 0xFFFF_FFFF_FFFF).ToString("x12", CultureInfo.InvariantCulture);

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static DateTimeOffset AtMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static decimal Truncate(decimal value) => Math.Truncate(value * 100m) / 100m;

    // Partner Center serializes numbers as numbers in some places and as strings in others; accept both.
    private static int? ReadInt(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static bool? ReadBool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) => parsed,
        _ => null,
    };
}
