using System.Text.Json;
using Prorata.Cli.Simulate;

namespace Prorata.Cli.Tests;

public class SimulateCommandTests
{
    private static readonly string Scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "02-annual-term-billed-monthly-seats-added.json");

    [Fact]
    public void Simulate_ValidScenario_PrintsTheResultAndExits0()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = SimulateCommand.Run([Scenario], output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        using var result = JsonDocument.Parse(output.ToString());
        var totals = result.RootElement.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("total").GetDecimal()).ToList();
        Assert.Equal([300.00m, 150.00m, 268.55m], totals);
    }

    [Fact]
    public void Simulate_ScenarioWithASalesperson_PrintsGrossProfitMetricsAndCommissions()
    {
        var output = new StringWriter();

        var exit = SimulateCommand.Run([Path.Combine(AppContext.BaseDirectory, "Scenarios", "64-commissions-paid-in-cash.json")], output, new StringWriter());

        Assert.Equal(0, exit);
        using var result = JsonDocument.Parse(output.ToString());
        var root = result.RootElement;
        // The seat reduction −4 × 12.50 × 27/31 = −43.55 against −4 × 10.00 × 27/31 = −34.84 of cost.
        var reduction = root.GetProperty("invoices")[0].GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "adjustment");
        Assert.Equal(-8.71m, reduction.GetProperty("grossProfit").GetDecimal());
        // March: 10 × 27.50 + 18 × 12.50 = 500.00 at a cost of 220.00 + 180.00; ARR 12 × 500.00.
        var march = root.GetProperty("metrics")[0];
        Assert.Equal(("2025-03", 500.00m, 400.00m, 6000.00m, "new"),
            (march.GetProperty("month").GetString(), march.GetProperty("mrr").GetDecimal(), march.GetProperty("mrrCost").GetDecimal(),
                march.GetProperty("arr").GetDecimal(), march.GetProperty("movement").GetString()));
        // The May invoice's 27.50 on S1: 5.15 from the credit on 05-01, 11.00 on 05-12, the rest 11.35 on 05-25.
        var may = root.GetProperty("commissions").EnumerateArray()
            .Where(c => c.GetProperty("invoiceDate").GetString() == "2025-05-01" && c.GetProperty("subscription").GetString() == "S1")
            .Select(c => (c.GetProperty("payableOn").GetString(), c.GetProperty("amount").GetDecimal(), c.GetProperty("payout").GetString())).ToList();
        Assert.Equal([("2025-05-01", 5.15m, "cash"), ("2025-05-12", 11.00m, "cash"), ("2025-05-25", 11.35m, "cash")], may);
    }

    [Fact]
    public void Simulate_MalformedScenario_PrintsOneLineNamingTheFieldAndExits2()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, File.ReadAllText(Scenario).Replace("\"quantity\": 15", "\"quantity\": -3"));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = SimulateCommand.Run([file], output, error);

        File.Delete(file);
        Assert.Equal(2, exit);
        Assert.Equal("", output.ToString());
        Assert.Equal("events[1].quantity: must be ≥ 0; got -3" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Simulate_MissingFile_Exits2()
    {
        var error = new StringWriter();

        var exit = SimulateCommand.Run(["/nonexistent/scenario.json"], new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.StartsWith("/nonexistent/scenario.json: ", error.ToString());
    }
}
