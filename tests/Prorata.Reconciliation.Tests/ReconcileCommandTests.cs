using System.Text.Json;
using Prorata.Cli.Reconcile;

namespace Prorata.Reconciliation.Tests;

/// <summary>The what-if command of scenarios/README.md, run on scenario 02 and a March recon file for it.</summary>
public sealed class ReconcileCommandTests
{
    private static string FilePath(string file) => Path.Combine(AppContext.BaseDirectory, "Files", file);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ReconcileCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_Scenario02AndMarchFileWithARaisedPrice_PriceMismatchAndAprilNotMissingFromAMarchFile()
    {
        var (exit, output, _) = Run("--scenario", FilePath("scenario-02.json"), "--invoice-file", FilePath("scenario-02-march.csv"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((4, 1, 0, 12.00m), (summary.GetProperty("matched").GetInt32(), summary.GetProperty("priceMismatch").GetInt32(),
            summary.GetProperty("missingCharge").GetInt32(), summary.GetProperty("moneyAtStake").GetDecimal()));
        var line = json.RootElement.GetProperty("lines")[2];
        Assert.Equal((4, "S1", "cycleCharge", "priceMismatch", 120.0m, 132.00m),
            (line.GetProperty("row").GetInt32(), line.GetProperty("subscription").GetString(), line.GetProperty("chargeType").GetString(),
             line.GetProperty("state").GetString(), line.GetProperty("expectedTotal").GetDecimal(), line.GetProperty("actualTotal").GetDecimal()));
        Assert.Equal("Microsoft charged 13.20 per seat instead of 12.00: a price change Prorata's price list does not have, or a price lock Prorata lost (price change)",
            line.GetProperty("cause").GetString());
        // The scenario runs into April; the March file is not blamed for April's charge.
        Assert.Equal(0, json.RootElement.GetProperty("missing").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lines")[0].GetProperty("cause").ValueKind);
    }

    [Fact]
    public void Run_InvoiceFileWithWrongHeader_ExitTwoWithOneLineAndNoOutput()
    {
        var (exit, output, error) = Run("--scenario", FilePath("scenario-02.json"), "--invoice-file", FilePath("wrong-header.csv"));

        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("row 1: required column SubscriptionId is missing", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_MalformedScenario_ExitTwoNamingTheScenario()
    {
        var scenario = Path.Combine(Path.GetTempPath(), $"bad-scenario-{Environment.ProcessId}.json");
        File.WriteAllText(scenario, "{\"name\": 3}");
        try
        {
            var (exit, output, error) = Run("--scenario", scenario, "--invoice-file", FilePath("price-change.csv"));

            Assert.Equal((2, ""), (exit, output));
            Assert.StartsWith(scenario + ": ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("--scenario", "s.json")]
    [InlineData("--invoice", "f.csv", "--scenario", "s.json")]
    public void Run_MissingOrUnknownOptions_ExitTwo(params string[] args) => Assert.Equal(2, Run(args).Exit);
}
