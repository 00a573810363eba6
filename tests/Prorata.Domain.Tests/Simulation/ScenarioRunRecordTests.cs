using Prorata.Domain.Billing;
using Prorata.Domain.Money;
using Prorata.Domain.Simulation;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Simulation;

/// <summary>Facts (what already happened) are recorded, never refused on the NCE rules; commands are judged.</summary>
public class ScenarioRunRecordTests
{
    // Basic: 72.00 a year billed monthly = 6.00 a month, customer cost + 25 % = 7.50. Standard: 12.50, customer 15.63.
    private const string Prices = """
        "priceList": [
          { "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "unitPrice": 72.00, "currency": "USD", "effectiveFrom": "2024-01-01", "effectiveTo": "%BASIC_TO%" },
          { "productId": "STANDARD", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "unitPrice": 150.00, "currency": "USD", "effectiveFrom": "2024-01-01" } ],
        "customers": [ { "id": "c", "name": "C", "currency": "USD" } ],
        "contracts": [ { "id": "K1", "customer": "c", "billingDay": 1, "pricing": [ { "productId": "*", "markupOnCost": 25 } ] } ],
        """;

    private static Scenario Parse(string events, string basicUntil = "2030-12-31") =>
        ScenarioJson.Parse("{" + Prices.Replace("%BASIC_TO%", basicUntil) + "\"events\": [" + events + "], \"billUntil\": \"2025-04-01\" }");

    private const string SeatsAddedThenReducedTenDaysLater = """
        { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 10 },
        { "at": "2025-02-03T09:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 15 },
        { "at": "2025-02-13T09:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 12 }
        """;

    [Fact]
    public void Apply_SeatReductionTenDaysAfterTheAdd_IsRefused()
    {
        var scenario = Parse(SeatsAddedThenReducedTenDaysLater);
        var run = new ScenarioRun(scenario);

        var refusals = scenario.Events.Select(run.Apply).ToList();

        Assert.Equal(RefusalCode.SeatReductionWindowClosed, refusals[2]?.Code);
        Assert.Equal(15, run.Book.Find("S1")!.Quantity);
    }

    [Fact]
    public void Record_SeatReductionTenDaysAfterTheAdd_IsRecordedAndCredited()
    {
        var scenario = Parse(SeatsAddedThenReducedTenDaysLater);
        var run = new ScenarioRun(scenario);

        Assert.All(scenario.Events, e => Assert.Null(run.Record(e)));
        var invoice = run.Bill(scenario.Contracts[0], new DateOnly(2025, 3, 1));

        Assert.Equal(12, run.Book.Find("S1")!.Quantity);
        // Microsoft's removeQuantity pair for 02-13..02-28, 16 of 28 days: −trunc(6 × 16 × 15 / 28), +trunc(6 × 16 × 12 / 28).
        Assert.Equal([-51.42m, 41.14m], run.Book.ProviderCharges.Where(c => c.ChargeType == ChargeType.RemoveQuantity).Select(c => c.Total));
        // The customer is credited −3 × 7.50 × 16/28 = −12.857… for the rest of February.
        Assert.Contains(invoice.Lines, l => l is { Kind: InvoiceLineKind.Adjustment, Quantity: -3, Amount: -12.86m } && l.PeriodStart == new DateOnly(2025, 2, 13));
    }

    [Fact]
    public void Replay_LogWithALateSeatReduction_BillsTheCreditWhereTheSimulationRefusesIt()
    {
        var scenario = Parse(SeatsAddedThenReducedTenDaysLater);

        var judged = Simulator.Run(scenario);
        var replayed = Simulator.Replay(scenario);

        Assert.Equal([2], judged.Rejected.Select(r => r.Event));
        Assert.Empty(replayed.Rejected);
        Assert.Empty(replayed.Problems);
        // March: 15 seats as judged, 12 as recorded; recorded, February is credited −3 × 7.50 × 16/28 = −12.86.
        Assert.Equal(15 * 7.50m, judged.Invoices.Single(i => i.Date == new DateOnly(2025, 3, 1)).Lines.Single(l => l.Kind == InvoiceLineKind.Recurring).Amount);
        Assert.Equal(12 * 7.50m, replayed.Invoices.Single(i => i.Date == new DateOnly(2025, 3, 1)).Lines.Single(l => l.Kind == InvoiceLineKind.Recurring).Amount);
        Assert.Contains(replayed.Invoices.SelectMany(i => i.Lines), l => l is { Quantity: -3, Amount: -12.86m });
    }

    [Fact]
    public void Record_PurchaseWhosePriceRowNoLongerExists_ReturnsProblemWithMoneyAtStakeAndOthersStillBill()
    {
        var scenario = Parse("""
            { "at": "2025-01-10T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 10 },
            { "at": "2025-01-10T09:00:00Z", "type": "purchase", "subscription": "S2", "contract": "K1", "productId": "STANDARD", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 2 }
            """, basicUntil: "2024-12-31");
        var run = new ScenarioRun(scenario);

        var problems = scenario.Events.Select(run.Record).ToList();
        var invoice = run.Bill(scenario.Contracts[0], new DateOnly(2025, 2, 1));

        var problem = Assert.IsType<ReplayProblem>(problems[0]);
        Assert.Equal(RefusalCode.UnknownOffer, problem.Code);
        // 10 seats × 7.50, the customer price of the last Basic row known (ended 2024-12-31).
        Assert.Equal(new Money.Money(75.00m, Currency.FromCode("USD")), problem.AtStake);
        Assert.Null(problems[1]);
        // S2 still bills: 01-10..01-31 2 × 15.63 × 22/31 = 22.18, and February 31.26.
        Assert.Equal([("S2", 22.18m), ("S2", 31.26m)], invoice.Lines.Select(l => (l.Subscription, l.Amount)));
    }

    [Fact]
    public void Record_SeatAddWhileSuspended_IsApplied()
    {
        var scenario = Parse("""
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 10 },
            { "at": "2025-02-01T09:00:00Z", "type": "suspend", "subscription": "S1" },
            { "at": "2025-02-02T09:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 11 }
            """);
        var run = new ScenarioRun(scenario);

        Assert.All(scenario.Events, e => Assert.Null(run.Record(e)));
        Assert.Equal(11, run.Book.Find("S1")!.Quantity);
    }

    [Fact]
    public void Record_CancellationAfterTheWindow_IsRefundedFromItsDate()
    {
        var scenario = Parse("""
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 10 },
            { "at": "2025-01-20T09:00:00Z", "type": "cancel", "subscription": "S1" }
            """);
        var run = new ScenarioRun(scenario);

        Assert.All(scenario.Events, e => Assert.Null(run.Record(e)));
        // 01-20..01-31 is 12 of 31 days: −trunc(6 × 12 × 10 / 31) = −23.22.
        var refund = Assert.Single(run.Book.ProviderCharges, c => c.ChargeType == ChargeType.CancelImmediate);
        Assert.Equal((new DateOnly(2025, 1, 20), -23.22m), (refund.ChargeStart, refund.Total));
    }

    [Theory]
    [InlineData("""{ "at": "2025-01-05T09:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 0 }""", RefusalCode.InvalidQuantity, 75.00)]
    [InlineData("""{ "at": "2025-01-05T09:00:00Z", "type": "setQuantity", "subscription": "NOPE", "quantity": 3 }""", RefusalCode.UnknownSubscription, null)]
    [InlineData("""{ "at": "2025-01-05T09:00:00Z", "type": "upgrade", "subscription": "S1", "toProductId": "PREMIUM", "toSkuId": "0001" }""", RefusalCode.UnknownOffer, 75.00)]
    public void Record_EntryThatCannotBeApplied_NamesTheCodeAndTheMoneyAtStake(string entry, RefusalCode code, double? atStake)
    {
        var scenario = Parse("""
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 10 },
            """ + entry);
        var run = new ScenarioRun(scenario);
        Assert.Null(run.Record(scenario.Events[0]));

        var problem = run.Record(scenario.Events[1]);

        Assert.Equal(code, problem?.Code);
        Assert.Equal(atStake is null ? null : (decimal)atStake.Value, problem?.AtStake?.Amount);
        Assert.Equal(10, run.Book.Find("S1")!.Quantity);
    }

    [Fact]
    public void Record_SubscriptionCancelledEarlier_ChangeIsSubscriptionNotActive()
    {
        var scenario = Parse("""
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "BASIC", "skuId": "0001", "term": "P1Y", "billingPlan": "monthly", "quantity": 10 },
            { "at": "2025-01-02T09:00:00Z", "type": "cancel", "subscription": "S1" },
            { "at": "2025-01-03T09:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 4 }
            """);
        var run = new ScenarioRun(scenario);

        var problems = scenario.Events.Select(run.Record).ToList();

        Assert.Equal([null, null, RefusalCode.SubscriptionNotActive], problems.Select(p => p?.Code));
    }
}
