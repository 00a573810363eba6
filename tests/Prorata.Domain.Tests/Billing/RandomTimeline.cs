using CsCheck;
using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Billing;

/// <summary>
/// A random life of one P1Y subscription billed monthly (cost 22.00 a month, customer 27.50): a purchase, seat
/// changes up and down at random hours, perhaps a cancellation, all inside the first term, billed until the first
/// billing date after the last event.
/// </summary>
public sealed record RandomTimeline(Scenario Scenario, DateOnly PurchaseDate, DateOnly LastBillingDate)
{
    public const decimal CustomerPrice = 27.50m;

    private static readonly PriceListRow Premium = new("CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", TermDuration.P1Y, BillingPlan.Monthly,
        264.00m, 316.80m, "USD", new DateOnly(2024, 1, 1), null);

    public static readonly Gen<RandomTimeline> Gen =
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[1, 28],
            CsCheck.Gen.Int[0, 1],
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 40], CsCheck.Gen.Int[0, 23], CsCheck.Gen.Int[1, 20]),
            CsCheck.Gen.Select(CsCheck.Gen.Int[1, 600], CsCheck.Gen.Int[0, 30]).Array[0, 8],
            (billingDay, alignment, purchase, changes) => Build(billingDay, (ContractAlignment)alignment, purchase.Item1, purchase.Item2, purchase.Item3, changes));

    public BillingContract Contract => Scenario.Contracts[0];

    private static RandomTimeline Build(int billingDay, ContractAlignment alignment, int purchaseDay, int purchaseHour, int quantity, (int GapHours, int Quantity)[] changes)
    {
        var contract = new BillingContract("K1", "contoso", Currency.FromCode("USD"), billingDay, alignment, RefundPolicy.Prorated,
            [new PricingRule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 25m)]);
        var at = new DateTimeOffset(2025, 1, 1, purchaseHour, 0, 0, TimeSpan.Zero).AddDays(purchaseDay);
        var events = new List<ScenarioEvent>
        {
            new(0, at, ScenarioEventType.Purchase, "S1")
            {
                Contract = "K1", ProductId = Premium.ProductId, SkuId = Premium.SkuId, Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Quantity = quantity,
            },
        };
        foreach (var (gap, target) in changes)
        {
            at = at.AddHours(gap);
            // A target of 0 stands for a cancellation.
            events.Add(target == 0
                ? new ScenarioEvent(events.Count, at, ScenarioEventType.Cancel, "S1")
                : new ScenarioEvent(events.Count, at, ScenarioEventType.SetQuantity, "S1") { Quantity = target });
        }
        var lastBillingDate = contract.BillingDateOnOrAfter(DateOnly.FromDateTime(at.UtcDateTime).AddDays(1));
        var scenario = new Scenario("random timeline", Currency.FromCode("USD"), ProviderRounding.TruncateLine, [Premium], [contract], events, lastBillingDate);
        return new RandomTimeline(scenario, DateOnly.FromDateTime(events[0].At.UtcDateTime), lastBillingDate);
    }

    public override string ToString() =>
        $"billingDay {Contract.BillingDay}, {Contract.Alignment}, " +
        string.Join("; ", Scenario.Events.Select(e => $"{e.At:yyyy-MM-dd HH:mm} {e.Type} {e.Quantity}"));
}
