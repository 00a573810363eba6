using Prorata.Application;
using Prorata.Application.Reconciliation;
using static System.FormattableString;

namespace Prorata.Cli.Reconcile;

/// <summary>
/// `reconcile withdraw ID --reason TEXT`: withdraws a stored recon import with the same rules as the API (a reason is
/// required; an import is withdrawn once): kept for audit, counted nowhere, its open work items resolved. Exit 0 when
/// withdrawn, 1 when refused or unknown, 2 on bad arguments.
/// </summary>
public static class ReconcileWithdrawCommand
{
    private const string Usage = "usage: prorata reconcile withdraw ID --reason TEXT [--connection STRING] [--as NAME]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        Guid? id = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--reason" or "--connection" or "--as" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (id is null && Guid.TryParse(args[i], out var parsed))
            {
                id = parsed;
            }
            else
            {
                error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                return 2;
            }
        }
        if (id is null || !options.ContainsKey("reason"))
        {
            error.WriteLine(Usage);
            return 2;
        }
        var connection = options.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");
        await using var db = await CommandDatabase.OpenAsync(connection, Usage, error, cancellationToken);
        if (db is null) return 2;
        var actor = options.GetValueOrDefault("as") ?? Environment.GetEnvironmentVariable("USER") ?? "command line";
        var result = await new ReconImportWithdrawal(db, time).WithdrawAsync(id.Value, options["reason"], actor, cancellationToken);
        if (result.Outcome != SaveOutcome.Saved)
        {
            error.WriteLine(result.Message ?? string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            return result.Outcome == SaveOutcome.Invalid ? 2 : 1;
        }
        var import = result.Entity!;
        output.WriteLine(Invariant($"withdrawn {import.FileName} ({import.Id}) at {import.WithdrawnAt:yyyy-MM-dd HH:mm} by {import.WithdrawnBy}: {import.WithdrawalReason}"));
        return 0;
    }
}
