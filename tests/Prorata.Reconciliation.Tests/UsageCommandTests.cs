using Prorata.Cli.Usage;

namespace Prorata.Reconciliation.Tests;

/// <summary>`prorata usage import FILE --connection …` on a fresh SQLite database.</summary>
public sealed class UsageCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"prorata-usage-cli-{Guid.NewGuid():N}");

    private string Connection => $"Data Source={Path.Combine(folder, "prorata.db")};Pooling=false";

    private static string FilePath(string file) => Path.Combine(AppContext.BaseDirectory, "Files", file);

    [Fact]
    public async Task Import_DailyUsageFileTwice_StoredOnceThenRecognised()
    {
        var first = await RunAsync("import", FilePath("daily-usage.csv"), "--connection", Connection);
        var second = await RunAsync("import", FilePath("daily-usage.csv"), "--connection", Connection);

        Assert.Equal(0, first.Exit);
        // 61.20 + 61.20 + 8.50 + 2.13; no Azure plan of the file is in the fresh database.
        Assert.Matches("^imported 4 rows as [0-9a-f-]{36}: partner cost 133.03, 4 rows of Azure plans not in Prorata\n$", first.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, second.Exit);
        Assert.StartsWith("already imported on ", second.Output);
    }

    [Fact]
    public async Task Import_InvoiceFileInsteadOfUsage_RefusedWithTheMissingColumnNamed()
    {
        var (exit, _, error) = await RunAsync("import", FilePath("wrong-header.csv"), "--connection", Connection);

        Assert.Equal(1, exit);
        Assert.StartsWith("refused, nothing stored: row 1: required column ", error);
    }

    [Fact]
    public async Task Run_WithoutAFile_Exit2()
    {
        var (exit, _, error) = await RunAsync("import", "--connection", Connection);

        Assert.Equal(2, exit);
        Assert.StartsWith("no usage file at ''", error);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await UsageCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
