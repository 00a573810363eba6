using Prorata.Data.Reconciliation;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Cli.Usage;

/// <summary>
/// `usage import FILE [--connection STRING]`: stores Microsoft's daily-rated usage file (CSV or gzip JSON Lines) in the
/// database the connection string names (default: env ConnectionStrings__Prorata), as the app's Azure usage page does;
/// the next billing run bills it. Exit 0 when stored or already imported, 1 when the file is refused (row, column and
/// value printed, nothing stored), 2 on bad arguments.
/// </summary>
public static class UsageCommand
{
    private const string Usage = "usage: prorata usage import FILE [--connection STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? path = null, connection = Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");
        if (args.FirstOrDefault() != "import")
        {
            error.WriteLine(Usage);
            return 2;
        }
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case var argument when path is null && !argument.StartsWith("--", StringComparison.Ordinal): path = argument; break;
                default:
                    error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                    return 2;
            }
        }
        if (path is null || !File.Exists(path))
        {
            error.WriteLine($"no usage file at '{path}'. {Usage}");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(connection, Usage, error, cancellationToken);
        if (db is null) return 2;
        string sha256;
        await using (var hashed = File.OpenRead(path))
        {
            sha256 = await ReconFileHash.ComputeAsync(hashed, cancellationToken);
        }
        await using var file = File.OpenRead(path);
        var head = new byte[2];
        var headLength = await file.ReadAsync(head, cancellationToken);
        file.Position = 0;
        UsageImportOutcome outcome;
        try
        {
            outcome = await new UsageImporter(db, TimeProvider.System).ImportAsync(path, sha256,
                UsageReconReader.Read(file, InvoiceReconReader.DetectFormat(head.AsSpan(0, headLength))), cancellationToken);
        }
        catch (ReconFileFormatException e)
        {
            outcome = UsageImportOutcome.Refused(new UsageFileRefusal(e.Row, e.Column, e.Value, e.Message));
        }
        if (outcome.Refusal is { } refusal)
        {
            error.WriteLine($"refused, nothing stored: {refusal.Message}");
            return 1;
        }
        var import = outcome.Import!;
        output.WriteLine(outcome.Duplicate
            ? $"already imported on {import.ReceivedAt:yyyy-MM-dd HH:mm} UTC as {import.Id}: nothing counted twice"
            : $"imported {import.Rows} rows as {import.Id}: partner cost {import.Cost:0.00}, {import.UnassignedRows} rows of Azure plans not in Prorata");
        return 0;
    }
}
