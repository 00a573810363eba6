using CsCheck;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;
using Prorata.Domain.Tests.Simulation;

namespace Prorata.Domain.Tests.Billing;

/// <summary>
/// A random portfolio (<see cref="Portfolio"/>) over up to two years: one or two contracts (any billing day, both alignments, prorated or no
/// refunds, monthly, quarterly or annual cadence, markup, fixed and discount rules) and up to four subscriptions on
/// them — P1Y billed monthly or annually, P1M, or an Azure plan — each with a life of seat changes, cancellations,
/// suspensions, auto-renew switches, scheduled renewal quantities, full and partial upgrades (with or without the
/// catalog's upgrade paths) and usage rows, crossing anniversaries so that terms renew, at a later price when one takes
/// effect. Billed until the first invoice date after the last event. Prints as a scenario file.
/// </summary>
public sealed record RandomScenario(Scenario Scenario)
{
    private static readonly (string Product, string Sku, decimal YearPrice)[] Products =
    [
        ("CFQ7TTC0LH18", "0001", 72.00m),   // Basic
        ("CFQ7TTC0LDPB", "0001", 150.00m),  // Standard
        ("CFQ7TTC0LCHC", "0002", 264.00m),  // Premium
        ("CFQ7TTC0LF8Q", "0001", 77.16m),   // Office 365 E1, upgraded to from Standard though it costs less
    ];

    // The catalog's upgrade paths, by product index, when the generated price list carries them.
    private static readonly int[][] Paths = [[1, 2], [2, 3], [], [2]];

    private static readonly (TermDuration Term, BillingPlan Plan)[] Offers =
        [(TermDuration.P1Y, BillingPlan.Monthly), (TermDuration.P1M, BillingPlan.Monthly), (TermDuration.P1Y, BillingPlan.Annual)];

    private static readonly Gen<(int BillingDay, int Alignment, int Refunds, int Cadence, int Markup, int Terms)> GenContract =
        Gen.Select(Gen.Int[1, 28], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[0, 60]);

    // One gap in three is under two days, so that changes land inside the 24-hour and 168-hour windows.
    private static readonly Gen<(int GapHours, int Kind, int Value)> GenChange =
        Gen.Select(Gen.OneOf(Gen.Int[1, 48], Gen.Int[1, 2400], Gen.Int[1, 2400]), Gen.Int[0, 11], Gen.Int[0, 25]);

    private static readonly Gen<(int Contract, int Product, int Offer, int Quantity, int Day, int Hour, bool AutoRenew, (int, int, int)[] Changes)> GenSubscription =
        Gen.Select(Gen.Int[0, 1], Gen.Int[0, 4], Gen.Int[0, 2], Gen.Int[1, 20], Gen.Int[0, 60], Gen.Int[0, 23], Gen.Int[0, 5].Select(i => i > 0),
            GenChange.Array[0, 6]);

    public static readonly Gen<RandomScenario> Portfolio =
        Gen.Select(GenContract.Array[1, 2], GenSubscription.Array[1, 4], Gen.Bool, Gen.Int[0, 700],
            (contracts, subscriptions, paths, laterPriceDay) => Build(contracts, subscriptions, paths, laterPriceDay));

    public IEnumerable<BillingContract> Contracts => Scenario.Contracts;

    private static RandomScenario Build((int BillingDay, int Alignment, int Refunds, int Cadence, int Markup, int Terms)[] contractSeeds,
        (int Contract, int Product, int Offer, int Quantity, int Day, int Hour, bool AutoRenew, (int GapHours, int Kind, int Value)[] Changes)[] subscriptionSeeds,
        bool withPaths, int laterPriceDay)
    {
        var usd = Currency.FromCode("USD");
        var prices = new List<PriceListRow>();
        for (var p = 0; p < Products.Length; p++)
        {
            var (product, sku, year) = Products[p];
            IReadOnlyList<UpgradeTarget>? paths = withPaths ? Paths[p].Select(t => new UpgradeTarget(Products[t].Product, Products[t].Sku)).ToList() : null;
            foreach (var (term, plan) in Offers)
            {
                // A P1M term costs a tenth of the year a month, as Microsoft's monthly terms cost more.
                var price = term == TermDuration.P1M ? year / 10 : year;
                var row = new PriceListRow(product, sku, $"{product} {term} {plan}", term, plan, price, price * 1.2m, "USD", new DateOnly(2024, 1, 1), null,
                    UpgradesTo: paths);
                prices.Add(row);
                // Standard gets dearer from a day: renewals from then on are priced at the new row.
                if (p == 1 && laterPriceDay < 600)
                    prices.Add(row with { UnitPrice = price * 1.1m, ErpPrice = price * 1.32m, EffectiveFrom = new DateOnly(2025, 1, 1).AddDays(laterPriceDay) });
            }
        }

        var contracts = contractSeeds.Select((c, i) =>
        {
            List<PricingRule> rules = [new(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, c.Markup)];
            if (c.Markup % 3 == 0) rules.Insert(0, new PricingRule(Products[0].Product, null, PricingMethod.FixedPrice, 8.00m));
            if (c.Markup % 5 == 0) rules.Insert(0, new PricingRule(Products[2].Product, Products[2].Sku, PricingMethod.DiscountOffErp, 10m));
            return new BillingContract($"K{i + 1}", $"customer{i + 1}", usd, c.BillingDay, (ContractAlignment)c.Alignment,
                c.Refunds == 0 ? RefundPolicy.None : RefundPolicy.Prorated, rules)
            {
                Cadence = c.Cadence switch { 1 => InvoiceCadence.Quarterly, 2 => InvoiceCadence.Annual, _ => InvoiceCadence.Monthly },
                PaymentTermsDays = c.Terms,
            };
        }).ToList();

        var events = new List<SubscriptionEvent>();
        for (var s = 0; s < subscriptionSeeds.Length; s++)
        {
            var seed = subscriptionSeeds[s];
            var id = $"S{s + 1}";
            var contract = contracts[seed.Contract % contracts.Count].Id;
            var at = new DateTimeOffset(2025, 1, 1, seed.Hour, 0, 0, TimeSpan.Zero).AddDays(seed.Day);
            var azure = seed.Product == Products.Length;
            if (azure)
                events.Add(new SubscriptionEvent(0, at, SubscriptionEventType.Purchase, id) { Contract = contract, ProductId = PurchaseOrder.AzurePlan, Quantity = 1 });
            else
            {
                var (product, sku, _) = Products[seed.Product];
                var (term, plan) = Offers[seed.Offer];
                events.Add(new SubscriptionEvent(0, at, SubscriptionEventType.Purchase, id)
                {
                    Contract = contract, ProductId = product, SkuId = sku, Term = term, BillingPlan = plan, Quantity = seed.Quantity, AutoRenew = seed.AutoRenew,
                });
            }
            var upgrades = 0;
            foreach (var (gap, kind, value) in seed.Changes)
            {
                at = at.AddHours(gap);
                events.Add(azure ? AzureChange(id, at, kind, value) : LicenseChange(id, at, kind, value, seed.Product, ref upgrades));
            }
        }

        // In time order (stable for equal instants), numbered as a file's events are.
        var ordered = events.OrderBy(e => e.At).Select((e, i) => e with { Index = i }).ToList();
        var lastDay = DateOnly.FromDateTime(ordered[^1].At.UtcDateTime);
        var firstDay = DateOnly.FromDateTime(ordered[0].At.UtcDateTime);
        var billUntil = contracts.Max(c => c.BillingDates(firstDay, lastDay.AddDays(1), DateOnly.MaxValue).First());
        return new RandomScenario(new Scenario("random portfolio", usd, ProviderRounding.TruncateLine, prices, contracts, ordered, billUntil));
    }

    private static SubscriptionEvent AzureChange(string id, DateTimeOffset at, int kind, int value) =>
        kind == 4
            ? new SubscriptionEvent(0, at, SubscriptionEventType.Cancel, id)
            : new SubscriptionEvent(0, at, SubscriptionEventType.Usage, id)
            {
                UsageDate = DateOnly.FromDateTime(at.UtcDateTime), Meter = "VM", Cost = value * 7.31m, Retail = value * 8.77m,
            };

    private static SubscriptionEvent LicenseChange(string id, DateTimeOffset at, int kind, int value, int product, ref int upgrades)
    {
        var e = new SubscriptionEvent(0, at, SubscriptionEventType.SetQuantity, id);
        return kind switch
        {
            4 => e with { Type = SubscriptionEventType.Cancel },
            5 => e with { Type = SubscriptionEventType.Suspend },
            6 => e with { Type = SubscriptionEventType.Reactivate },
            7 => e with { Type = SubscriptionEventType.SetAutoRenew, Enabled = value % 2 == 0 },
            8 => e with { Type = SubscriptionEventType.ScheduleRenewal, Quantity = Math.Max(1, value) },
            9 or 10 => Upgrade(e, value, product, ref upgrades),
            _ => e with { Quantity = Math.Max(1, value) },
        };
    }

    /// <summary>A full upgrade one time in three, otherwise a partial one moving some seats to a new subscription.</summary>
    private static SubscriptionEvent Upgrade(SubscriptionEvent e, int value, int product, ref int upgrades)
    {
        var target = Products[(product + 1 + value % 3) % Products.Length];
        var upgrade = e with { Type = SubscriptionEventType.Upgrade, ToProductId = target.Product, ToSkuId = target.Sku };
        return value % 3 == 0 ? upgrade : upgrade with { Quantity = 1 + value % 5, NewSubscription = $"{e.Subscription}u{++upgrades}" };
    }

    public override string ToString() => ScenarioWriter.Json(Scenario);
}
