using Prorata.Domain.Insight;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Simulation;

/// <summary>When MRR is read: 24:00 of a month's last day, after that month's events and before the next day's renewals.</summary>
public class ScenarioInsightTests
{
    // P1M at 10.00 a seat, marked up 25 %: 12.50 a seat a month.
    private const string Monthly = """
        {
          "priceList": [ { "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "unitPrice": 10, "currency": "USD", "effectiveFrom": "2024-01-01" } ],
          "customers": [ { "id": "c", "name": "C", "currency": "USD" } ],
          "contracts": [ { "id": "K1", "customer": "c", "billingDay": 1, "pricing": [ { "productId": "*", "markupOnCost": 25 } ] } ],
          "events": [ EVENTS ],
          "billUntil": "2025-04-01"
        }
        """;

    private static IReadOnlyList<(string Month, decimal Mrr, MrrMovement Movement)> Metrics(string events) =>
        Simulator.Run(ScenarioJson.Parse(Monthly.Replace("EVENTS", events))).Insight.Metrics
            .Select(m => (m.Month.ToString("yyyy-MM"), m.Mrr, m.Movement)).ToList();

    [Fact]
    public void Metrics_TermEndingOnTheMonthsLastDay_CountsThatMonthAndChurnsTheNext()
    {
        // Bought 01-01 without auto-renew: the term is 01-01..01-31 and expires at 02-01 00:00, after January's end.
        var metrics = Metrics("""
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "quantity": 4, "autoRenew": false }
            """);

        // 4 × 12.50 = 50.00 in January; nothing from February.
        Assert.Equal([("2025-01", 50.00m, MrrMovement.New), ("2025-02", 0m, MrrMovement.Churn), ("2025-03", 0m, MrrMovement.None)], metrics);
    }

    [Fact]
    public void Metrics_RenewalOnTheFirstAtAScheduledQuantity_CountsFromItsMonth()
    {
        var metrics = Metrics("""
            { "at": "2025-01-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "quantity": 10 },
            { "at": "2025-01-20T09:00:00Z", "type": "scheduleRenewal", "subscription": "S1", "quantity": 7 }
            """);

        // January ends at 10 seats (125.00); the renewal of 02-01 00:00 at 7 seats is February's (87.50).
        Assert.Equal([("2025-01", 125.00m, MrrMovement.New), ("2025-02", 87.50m, MrrMovement.Contraction), ("2025-03", 87.50m, MrrMovement.None)], metrics);
    }

    [Fact]
    public void Metrics_CreditHoldBeforeTheFirstPurchase_StartAtThePurchasesMonth()
    {
        var metrics = Metrics("""
            { "at": "2024-11-15T09:00:00Z", "type": "creditHold", "customer": "c", "enabled": false },
            { "at": "2025-02-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "quantity": 2 }
            """);

        Assert.Equal([("2025-02", 25.00m, MrrMovement.New), ("2025-03", 25.00m, MrrMovement.None)], metrics);
    }

    [Fact]
    public void Metrics_EventAtMidnightOfTheFirst_IsTheNewMonths()
    {
        // A seat change at 03-01 00:00 exactly comes after February's end: February 2 seats, March 5.
        var metrics = Metrics("""
            { "at": "2025-02-01T09:00:00Z", "type": "purchase", "subscription": "S1", "contract": "K1", "productId": "P", "skuId": "1", "term": "P1M", "billingPlan": "monthly", "quantity": 2 },
            { "at": "2025-03-01T00:00:00Z", "type": "setQuantity", "subscription": "S1", "quantity": 5 }
            """);

        Assert.Equal([("2025-02", 25.00m, MrrMovement.New), ("2025-03", 62.50m, MrrMovement.Expansion)], metrics);
    }

    [Fact]
    public void Bundle_ChildBilledAnnually_CostsItsMonthlyShareOnTheBundlesLinesAndInMrrCost()
    {
        var scenario = ScenarioJson.Parse("""
            {
              "priceList": [
                { "productId": "MSP-SECURE", "skuId": "STD", "term": "P1M", "billingPlan": "monthly", "unitPrice": 0, "currency": "USD", "effectiveFrom": "2024-01-01", "publisher": "partner" },
                { "productId": "CFQ7TTC0LCHC", "skuId": "0002", "term": "P1Y", "billingPlan": "annual", "unitPrice": 264, "currency": "USD", "effectiveFrom": "2024-01-01" } ],
              "customers": [ { "id": "c", "name": "C", "currency": "USD" } ],
              "contracts": [ { "id": "K1", "customer": "c", "billingDay": 1, "pricing": [ { "productId": "MSP-SECURE", "fixed": 50 } ] } ],
              "events": [
                { "at": "2025-03-01T09:00:00Z", "type": "purchase", "subscription": "B1", "contract": "K1", "productId": "MSP-SECURE", "skuId": "STD", "term": "P1M", "billingPlan": "monthly", "quantity": 2 },
                { "at": "2025-03-01T09:00:00Z", "type": "purchase", "subscription": "B1-BP", "contract": "K1", "productId": "CFQ7TTC0LCHC", "skuId": "0002", "term": "P1Y", "billingPlan": "annual", "parent": "B1" } ],
              "billUntil": "2025-04-01"
            }
            """);

        var result = Simulator.Run(scenario);

        // Each month: 2 × 50.00 = 100.00 billed; the child costs 264.00 a year, 22.00 a month a seat: 100.00 − 2 × 22.00 = 56.00.
        Assert.All(Assert.Single(result.Invoices).Lines, l => Assert.Equal((100.00m, 44.00m), (l.Amount, l.Cost)));
        var march = Assert.Single(result.Insight.Metrics);
        Assert.Equal((100.00m, 44.00m), (march.Mrr, march.MrrCost));
    }
}
