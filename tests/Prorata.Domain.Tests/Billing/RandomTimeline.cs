using CsCheck;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Billing;

/// <summary>
/// A random life of one P1Y subscription billed monthly (cost 22.00 a month, customer 27.50 at 25 % markup): a
/// purchase, seat changes up and down at random hours, perhaps a cancellation, all inside the first term, billed until
/// the first invoice date after the last event (the contract invoices monthly, quarterly or annually, so the last
/// invoice may bill into the renewed term); and up to two later price lists whose customer price is rolled out on a
/// random day at or after it takes effect.
/// </summary>
public sealed record RandomTimeline(Scenario Scenario, DateOnly PurchaseDate, DateOnly LastBillingDate)
{
    private const decimal Markup = 1.25m;

    private static readonly PriceListRow Premium = new("CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", TermDuration.P1Y, BillingPlan.Monthly,
        264.00m, 316.80m, "USD", new DateOnly(2024, 1, 1), null);

    public static readonly Gen<RandomTimeline> Gen =
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[1, 28],
            CsCheck.Gen.Int[0, 1],
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 40], CsCheck.Gen.Int[0, 23], CsCheck.Gen.Int[1, 20]),
            CsCheck.Gen.Select(CsCheck.Gen.Int[1, 600], CsCheck.Gen.Int[0, 30]).Array[0, 8],
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 300], CsCheck.Gen.Int[0, 20], CsCheck.Gen.Int[200, 340]).Array[0, 2],
            CsCheck.Gen.Int[0, 2],
            (billingDay, alignment, purchase, changes, rollouts, cadence) =>
                Build(billingDay, (ContractAlignment)alignment, purchase.Item1, purchase.Item2, purchase.Item3, changes, rollouts, (InvoiceCadence)cadence));

    public BillingContract Contract => Scenario.Contracts[0];

    /// <summary>
    /// The customer's price per month on a day: the row locked at purchase, or the newer row rolled out last by then;
    /// of two rolled out the same day, the later list.
    /// </summary>
    public decimal CustomerPriceOn(DateOnly day)
    {
        var rows = Scenario.PriceList;
        // A term's price is locked at its start: the purchase, or the renewal a year later.
        var termStart = day >= PurchaseDate.AddMonths(12) ? PurchaseDate.AddMonths(12) : PurchaseDate;
        var locked = rows.Where(r => r.InForceOn(termStart)).MaxBy(r => r.EffectiveFrom)!;
        var customer = rows.Where(r => r.EffectiveFrom > locked.EffectiveFrom && r.CustomerPriceFrom <= day)
            .OrderBy(r => r.CustomerPriceFrom).ThenBy(r => r.EffectiveFrom).LastOrDefault() ?? locked;
        return Math.Round(customer.CyclePrice * Markup, 2, MidpointRounding.AwayFromZero);
    }

    private static RandomTimeline Build(int billingDay, ContractAlignment alignment, int purchaseDay, int purchaseHour, int quantity, (int GapHours, int Quantity)[] changes,
        (int Day, int DaysLater, int AnnualPrice)[] rollouts, InvoiceCadence cadence)
    {
        var prices = new List<PriceListRow> { Premium };
        foreach (var (day, later, price) in rollouts.DistinctBy(r => r.Day))
        {
            var from = new DateOnly(2025, 1, 1).AddDays(day);
            prices.Add(Premium with { UnitPrice = price, ErpPrice = price * 1.2m, EffectiveFrom = from, CustomerPriceFrom = from.AddDays(later) });
        }
        var contract = new BillingContract("K1", "contoso", Currency.FromCode("USD"), billingDay, alignment, RefundPolicy.Prorated,
            [new PricingRule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 25m)]) { Cadence = cadence };
        var at = new DateTimeOffset(2025, 1, 1, purchaseHour, 0, 0, TimeSpan.Zero).AddDays(purchaseDay);
        var events = new List<SubscriptionEvent>
        {
            new(0, at, SubscriptionEventType.Purchase, "S1")
            {
                Contract = "K1", ProductId = Premium.ProductId, SkuId = Premium.SkuId, Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Quantity = quantity,
            },
        };
        foreach (var (gap, target) in changes)
        {
            at = at.AddHours(gap);
            // A target of 0 stands for a cancellation.
            events.Add(target == 0
                ? new SubscriptionEvent(events.Count, at, SubscriptionEventType.Cancel, "S1")
                : new SubscriptionEvent(events.Count, at, SubscriptionEventType.SetQuantity, "S1") { Quantity = target });
        }
        var lastBillingDate = contract.BillingDates(DateOnly.FromDateTime(events[0].At.UtcDateTime), DateOnly.FromDateTime(at.UtcDateTime).AddDays(1), DateOnly.MaxValue).First();
        var scenario = new Scenario("random timeline", Currency.FromCode("USD"), ProviderRounding.TruncateLine, prices, [contract], events, lastBillingDate);
        return new RandomTimeline(scenario, DateOnly.FromDateTime(events[0].At.UtcDateTime), lastBillingDate);
    }

    public override string ToString() =>
        $"billingDay {Contract.BillingDay}, {Contract.Alignment}, {Contract.Cadence}, " +
        string.Join("; ", Scenario.Events.Select(e => $"{e.At:yyyy-MM-dd HH:mm} {e.Type} {e.Quantity}")) +
        string.Concat(Scenario.PriceList.Skip(1).Select(r => $"; {r.UnitPrice} from {r.EffectiveFrom:yyyy-MM-dd}, customers from {r.CustomerPriceFrom:yyyy-MM-dd}"));
}
