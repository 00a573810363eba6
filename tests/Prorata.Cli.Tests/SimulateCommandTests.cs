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
