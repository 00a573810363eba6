using Prorata.Domain.Billing;
using Prorata.Domain.Simulation;

namespace Prorata.Domain.Tests.Billing;

public class BilledLedgerTests
{
    private static Scenario Scenario29() =>
        ScenarioJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "29-one-adjustment-line-per-change-billed-ahead.json")));

    [Fact]
    public void FirstBilledOn_PeriodBilledTwice_IsTheEarlierBillingDate()
    {
        var ledger = new BilledLedger();
        var key = new BillingItemKey("S1", new DateOnly(2021, 7, 18), new DateOnly(2021, 8, 17), new DateOnly(2021, 7, 18), BillingItemKey.Base, 15.00m);

        ledger.Record(key with { Source = "ev3:Quantity" }, 2, 30.00m, new DateOnly(2021, 8, 1), "CFQ7TTC0LDPB", "0001");
        ledger.Record(key, 10, 150.00m, new DateOnly(2021, 7, 1), "CFQ7TTC0LDPB", "0001");

        Assert.Equal(new DateOnly(2021, 7, 1), ledger.FirstBilledOn("S1", new DateOnly(2021, 7, 18), new DateOnly(2021, 8, 17)));
        Assert.Null(ledger.FirstBilledOn("S1", new DateOnly(2021, 8, 18), new DateOnly(2021, 9, 17)));
    }

    [Fact]
    public void BilledCost_LinesWithTheirCost_AddUpAndOneWithoutMakesItUnknown()
    {
        var ledger = new BilledLedger();
        var key = new BillingItemKey("S1", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 1), BillingItemKey.Base, 27.50m);
        var other = key with { Source = "ev1:Quantity" };

        Assert.Equal(0m, ledger.BilledCost(key));
        // 10 seats at 22.00 = 220.00, then 5 more for the whole month: 110.00.
        ledger.Record(key, 10, 275.00m, new DateOnly(2025, 3, 1), "CFQ7TTC0LCHC", "0002", 220.00m);
        ledger.Record(key, 5, 137.50m, new DateOnly(2025, 4, 1), "CFQ7TTC0LCHC", "0002", 110.00m);
        // A line stored before costs were kept: what it cost is not known.
        ledger.Record(other, 2, 20.00m, new DateOnly(2025, 4, 1), "CFQ7TTC0LCHC", "0002");

        Assert.Equal(330.00m, ledger.BilledCost(key));
        Assert.Null(ledger.BilledCost(other));
    }

    [Fact]
    public void Bill_LedgerRebuiltFromStoredLinesWithTheirBillingDates_GivesTheSimulatedInvoice()
    {
        var scenario = Scenario29();
        var simulated = Simulator.Run(scenario).Invoices;
        var july = simulated.Single(i => i.Date == new DateOnly(2021, 7, 1));
        var august = simulated.Single(i => i.Date == new DateOnly(2021, 8, 1));

        // A stored run replays the whole log, then records the issued lines with their invoice's billing date.
        var run = new ScenarioRun(scenario);
        foreach (var e in scenario.Events) run.Apply(e);
        var contract = scenario.Contracts[0];
        foreach (var line in july.Lines) run.LedgerOf(contract.Id).Record(line.Origin!.Value, line.Quantity, line.Amount, july.Date, line.ProductId, line.SkuId);

        var invoice = run.Bill(contract, august.Date);

        Assert.Equal(august.Lines.Select(l => (l.Subscription, l.Kind, l.PeriodStart, l.Quantity, l.Amount)).Order(),
            invoice.Lines.Select(l => (l.Subscription, l.Kind, l.PeriodStart, l.Quantity, l.Amount)).Order());
    }
}
