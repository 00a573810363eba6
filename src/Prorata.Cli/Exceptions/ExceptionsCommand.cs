using static System.FormattableString;
using Prorata.Data.Exceptions;

namespace Prorata.Cli.Exceptions;

/// <summary>
/// `exceptions [--connection STRING]`: what needs a person, as the app's Exceptions page shows it, one line per item.
/// Exit 0 when nothing is open, 1 when something is (so a scheduled job can alert on it), 2 on bad arguments.
/// </summary>
public static class ExceptionsCommand
{
    private const string Usage = "usage: prorata exceptions [--connection STRING]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Prorata");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connection" && i + 1 < args.Length)
            {
                connection = args[++i];
                continue;
            }
            error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(connection, Usage, error, cancellationToken);
        if (db is null) return 2;

        var overview = await OpenExceptions.LoadAsync(db, cancellationToken);
        output.WriteLine(overview.Open switch { 0 => "nothing needs a person", 1 => "1 item needs a person", var n => $"{n} items need a person" });
        if (overview.Reconciliation is { } recon)
        {
            output.WriteLine(Invariant($"reconciliation {recon.FileName} ({recon.FinishedAt:yyyy-MM-dd}): unbilled revenue {recon.UnbilledTotal:0.00} on {recon.UnbilledLines} lines, {recon.Discrepancies} discrepancies, {recon.MoneyAtStake:0.00} at stake"));
        }
        if (overview.Usage is { } usage)
        {
            output.WriteLine(Invariant($"azure usage of {usage.Plans} plan(s) not linked to a Prorata subscription: {usage.Rows} rows, {usage.Cost:0.00} at cost, unbilled"));
        }
        foreach (var waiting in overview.Provisioning)
        {
            output.WriteLine($"provisioning {waiting.CustomerName}: {waiting.Subscriptions} subscription(s) waiting{(waiting.CreditHold ? " (credit hold)" : "")}");
        }
        foreach (var issue in overview.PartnerCenter)
        {
            var subject = issue.PartnerCenterSubscriptionId ?? issue.PartnerCenterCustomerId;
            output.WriteLine(subject.Length == 0 ? $"partner center {issue.Kind}: {issue.Message}" : $"partner center {issue.Kind} {subject}: {issue.Message}");
        }
        if (overview.PartnerCenterOpen > overview.PartnerCenter.Count)
        {
            output.WriteLine($"partner center: {overview.PartnerCenterOpen - overview.PartnerCenter.Count} more open exceptions");
        }
        return overview.Open == 0 ? 0 : 1;
    }
}
