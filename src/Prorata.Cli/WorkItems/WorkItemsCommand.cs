using System.Globalization;
using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;
using Prorata.Domain.Contracts;
using static System.FormattableString;

namespace Prorata.Cli.WorkItems;

/// <summary>
/// `work-items list|show|assign|note|resolve|reopen …`: the exceptions page's work items from the command line, with the
/// same rules as the API (a resolution needs words; bulk resolution refuses items already resolved). Exit 0 when done,
/// 1 when the action was refused or an id is unknown, 2 on bad arguments.
/// </summary>
public static class WorkItemsCommand
{
    private const string Usage = """
        usage: prorata work-items list [--state open|resolved|all] [--kind KIND] [--code CODE] [--assigned NAME] [--text WORDS] [--page N]
               prorata work-items show ID
               prorata work-items assign ID --to NAME
               prorata work-items note ID --text TEXT
               prorata work-items resolve ID [ID …] --resolution TEXT
               prorata work-items reopen ID --reason TEXT
               (each also takes --connection STRING and --as NAME, the person recorded in the history; default: $USER)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }
        var verb = args[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new List<long>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (long.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                error.WriteLine($"unknown argument '{args[i]}'");
                error.WriteLine(Usage);
                return 2;
            }
        }
        var connection = options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");
        var actor = options.GetValueOrDefault("as") ?? Environment.GetEnvironmentVariable("USER") ?? "command line";
        if (verb != "list" && ids.Count == 0 || verb is not ("list" or "resolve") && ids.Count > 1)
        {
            error.WriteLine(verb is "list" or "show" or "assign" or "note" or "resolve" or "reopen" ? $"{verb} needs {(verb == "resolve" ? "one or more ids" : "one id")}" : $"unknown verb '{verb}'");
            error.WriteLine(Usage);
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(connection, "usage: prorata work-items …", error, cancellationToken);
        if (db is null) return 2;
        var actions = new WorkItemActions(db, time);
        switch (verb)
        {
            case "list":
                var errors = new ValidationErrors();
                WorkItemState? state = options.GetValueOrDefault("state") switch
                {
                    null or "open" => WorkItemState.Open,
                    "resolved" => WorkItemState.Resolved,
                    "all" => null,
                    var other => Refuse(errors, $"--state must be open, resolved or all; got '{other}'"),
                };
                var kind = options.TryGetValue("kind", out var kindText) ? EnumText.Parse(kindText, default(WorkItemKind), "kind", errors) : (WorkItemKind?)null;
                var page = options.TryGetValue("page", out var pageText) && int.TryParse(pageText, CultureInfo.InvariantCulture, out var p) ? p : 1;
                if (!errors.IsValid)
                {
                    error.WriteLine(string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m)));
                    return 2;
                }
                var found = await new WorkItemSearch(db).ListAsync(new WorkItemFilter
                {
                    State = state, Kind = kind, Code = options.GetValueOrDefault("code"), AssignedTo = options.GetValueOrDefault("assigned"),
                    Text = options.GetValueOrDefault("text"), Page = page,
                }, cancellationToken);
                output.WriteLine(Invariant($"{found.Total} work item(s); page {found.Page}"));
                foreach (var stake in found.AtStake.Where(m => m.Currency is not null))
                    output.WriteLine(Invariant($"at stake {stake.Currency}: {stake.Amount:0.00} on {stake.Items} item(s)"));
                foreach (var item in found.Items) output.WriteLine(Line(item));
                return 0;
            case "show":
                var shown = await new WorkItemSearch(db).FindAsync(ids[0], cancellationToken);
                if (shown is null)
                {
                    error.WriteLine($"No work item has id {ids[0]}.");
                    return 1;
                }
                output.WriteLine(Line(shown));
                foreach (var note in shown.Notes) output.WriteLine(Invariant($"  {note.At:yyyy-MM-dd HH:mm} {note.Author} {EnumText.ToWire(note.Action)}: {note.Text}"));
                return 0;
            default:
                var result = verb switch
                {
                    "assign" => await actions.AssignAsync(ids[0], options.GetValueOrDefault("to"), actor, cancellationToken),
                    "note" => await actions.AddNoteAsync(ids[0], options.GetValueOrDefault("text"), actor, cancellationToken),
                    "reopen" => await actions.ReopenAsync(ids[0], options.GetValueOrDefault("reason"), actor, cancellationToken),
                    _ => await actions.ResolveManyAsync(ids, options.GetValueOrDefault("resolution"), actor, cancellationToken),
                };
                if ((result.NotFound ?? result.Invalid) is { } refusal)
                {
                    error.WriteLine(refusal);
                    return 1;
                }
                foreach (var item in result.Items) output.WriteLine(Line(item));
                return 0;
        }
    }

    private static string Line(WorkItem item)
    {
        var money = item.AmountAtStake is { } amount ? Invariant($" [{amount:0.00} {item.Currency}]") : "";
        var assigned = item.AssignedTo is { } to ? $" (assigned to {to})" : "";
        return $"#{item.Id} {EnumText.ToWire(item.State)} {EnumText.ToWire(item.Kind)} {item.Code}{money}{assigned}: {item.Message}";
    }

    private static WorkItemState? Refuse(ValidationErrors errors, string message)
    {
        errors.Add("state", message);
        return null;
    }
}
