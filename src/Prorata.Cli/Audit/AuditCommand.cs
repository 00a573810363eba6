using System.Globalization;
using Prorata.Application.Audit;
using Prorata.Cli.Receivables;
using Prorata.Domain.Contracts;

namespace Prorata.Cli.Audit;

/// <summary>
/// `audit [filters] [--csv]`: the audit log from the command line, with the API's filters and refusals. Lines newest first,
/// one entry a line with its changes (a page of 100, --page N for more), or with --csv every entry the filter matches, one
/// row per changed field as GET /api/v1/audit.csv writes it. Exit 0, or 2 on bad arguments.
/// </summary>
public static class AuditCommand
{
    private const string Usage = """
        usage: prorata audit [--entity-type TYPE] [--entity-id ID] [--actor WHO] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--q TEXT] [--page N] [--csv]
               (also takes --connection STRING)
        """;

    private static readonly string[] Options = ["entity-type", "entity-id", "actor", "from", "to", "q", "page"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse(args, Options, ["csv"], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        int? page = null;
        if (arguments["page"] is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error.WriteLine($"--page must be a whole number from 1; got '{text}'.");
                return 2;
            }
            page = number;
        }
        var errors = new ValidationErrors();
        var filter = AuditFilter.Parse(arguments["entity-type"], arguments["entity-id"], arguments["actor"], arguments["from"], arguments["to"], arguments["q"],
            page, null, errors);
        if (filter is null)
        {
            foreach (var (field, messages) in errors.ToDictionary())
                foreach (var message in messages) error.WriteLine($"--{Option(field)}: {message}");
            return 2;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata audit …", error, cancellationToken);
        if (db is null) return 2;
        var search = new AuditSearch(db);
        if (arguments.Has("csv"))
        {
            var rows = new List<IReadOnlyList<object?>>();
            await foreach (var entry in search.AllAsync(filter, cancellationToken)) rows.AddRange(AuditCsv.Rows(entry).Select(Cells));
            CsvOutput.Write(output, AuditCsv.Header, rows);
            return 0;
        }
        var found = await search.ListAsync(filter, cancellationToken);
        foreach (var entry in found.Items)
        {
            var changes = string.Join("; ", entry.Changes.Select(c => $"{c.Field}: {c.Before ?? "–"} → {c.After ?? "–"}"));
            output.WriteLine($"{Instant(entry.At)}  {entry.Actor}  {entry.EntityType} {entry.Label ?? entry.EntityId} ({entry.EntityId})  {entry.Action}  {changes}");
        }
        var first = found.Total == 0 ? 0 : (found.Page - 1) * found.PageSize + 1;
        error.WriteLine($"{first}–{Math.Min(found.Page * found.PageSize, found.Total)} of {found.Total} entries.");
        return 0;
    }

    // The CSV writer takes text as it is; ids and instants are written here the way the API's export writes them.
    private static IReadOnlyList<object?> Cells(IReadOnlyList<object?> row) =>
        [.. row.Select(v => v switch { DateTimeOffset at => Instant(at), long id => id.ToString(CultureInfo.InvariantCulture), _ => v })];

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Option(string field) => field switch
    {
        "entityType" => "entity-type",
        "entityId" => "entity-id",
        _ => field,
    };
}
