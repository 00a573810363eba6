using Prorata.Data.Catalog;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Cli.Catalog;

/// <summary>
/// `price-lists import FILE.csv [--name NAME] [--confirm-warnings]`: imports Microsoft's price list as the page and API
/// do, printing what the checks found. A list whose warnings need confirming (partial, offers dropped under running
/// subscriptions) is not imported without --confirm-warnings. Exit 0 when imported, 1 when held back, 2 on a bad file or
/// bad arguments.
/// </summary>
public static class PriceListCommand
{
    private const string Usage = "usage: prorata price-lists import FILE.csv [--name NAME] [--confirm-warnings] [--connection STRING] [--as NAME]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.FirstOrDefault() != "import")
        {
            error.WriteLine(Usage);
            return 2;
        }
        string? path = null;
        var confirm = false;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--confirm-warnings") confirm = true;
            else if (args[i] is "--name" or "--connection" or "--as" && i + 1 < args.Length) options[args[i][2..]] = args[++i];
            else if (path is null && !args[i].StartsWith("--", StringComparison.Ordinal)) path = args[i];
            else
            {
                error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                return 2;
            }
        }
        if (path is null)
        {
            error.WriteLine(Usage);
            return 2;
        }
        PriceListParse parsed;
        try
        {
            await using var file = File.OpenRead(path);
            parsed = PriceListFile.Read(file);
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var message in parsed.Errors) error.WriteLine($"{path}: {message}");
            return 2;
        }
        var connection = options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");
        await using var db = await CommandDatabase.OpenAsync(connection, Usage, error, cancellationToken);
        if (db is null) return 2;
        var actor = options.GetValueOrDefault("as") ?? Environment.GetEnvironmentVariable("USER") ?? "command line";
        var outcome = await new PriceListImport(db, time).ImportAsync(options.GetValueOrDefault("name") ?? Path.GetFileName(path), parsed, PriceRollout.AtRenewal, null,
            actor, confirm, cancellationToken);
        foreach (var warning in outcome.Warnings) Write(output, warning);
        if (outcome.Version is not { } version)
        {
            error.WriteLine("not imported: the warnings marked 'to confirm' need --confirm-warnings once the file is known to be right");
            return 1;
        }
        output.WriteLine($"imported {version.Name} ({version.Id}): {version.RowCount} rows, {parsed.Skipped} skipped, {outcome.Warnings.Count} warnings");
        return 0;
    }

    private static void Write(TextWriter output, PriceListWarning warning)
    {
        output.WriteLine($"warning {EnumText.ToWire(warning.Kind)}{(warning.NeedsConfirmation ? " (to confirm)" : "")}: {warning.Message}");
        foreach (var row in warning.Rows) output.WriteLine($"  {row}");
    }
}
