using System.Globalization;
using Prorata.Data.Billing;
using Prorata.Application.Billing;

namespace Prorata.Cli.Bill;

/// <summary>
/// `bill --date yyyy-MM-dd [--connection STRING] [--draft] [--partner-currency USD]`: the same billing run as the app's,
/// on the database the connection string names (default: env ConnectionStrings__Prorata). Prints progress and a summary;
/// exit 2 on bad arguments. Running a date again writes nothing new; a stopped run continues.
/// </summary>
public static class BillCommand
{
    private const string Usage = "usage: prorata bill --date yyyy-MM-dd [--connection STRING] [--draft] [--partner-currency USD]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? dateText = null, connection = Environment.GetEnvironmentVariable("ConnectionStrings__Prorata"), currency = "USD";
        var issue = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--date" when i + 1 < args.Length: dateText = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--partner-currency" when i + 1 < args.Length: currency = args[++i]; break;
                case "--draft": issue = false; break;
                default:
                    error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                    return 2;
            }
        }
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error.WriteLine($"--date must be yyyy-MM-dd; got '{dateText}'. {Usage}");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(connection, Usage, error, cancellationToken);
        if (db is null) return 2;
        var lastShown = -1;
        var progress = new ConsoleProgress(p =>
        {
            // A line per tenth of the run, so a 10,000-contract run prints ten lines, not ten thousand.
            var tenth = p.Due == 0 ? 10 : p.Done * 10 / p.Due;
            if (tenth == lastShown) return;
            lastShown = tenth;
            output.WriteLine($"{p.Done}/{p.Due} contracts, {p.Invoiced} invoices");
        });
        // Issued invoices are queued for e-mail when a mail server is configured; the app's outbox worker sends them.
        var send = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Prorata__Smtp__Host"));
        var result = await new BillingRunner(db, new BillingOptions { PartnerCurrency = currency }, TimeProvider.System, send).RunAsync(date, issue, progress, cancellationToken);
        output.WriteLine($"billed {date:yyyy-MM-dd}: {result.Due} contracts due, {result.Invoiced} invoices {(issue ? "issued" : "drafted")}, {result.AlreadyBilled} already billed");
        if (result.Failed > 0 || result.Problems > 0)
            output.WriteLine($"{result.Failed} contract(s) could not be billed; {result.Problems} work item(s) raised or seen again: prorata work-items list");
        // The other contracts' invoices are stored; a contract left unbilled is what a scheduled job must alert on.
        return result.Failed > 0 ? 1 : 0;
    }

    private sealed class ConsoleProgress(Action<BillingRunProgress> report) : IProgress<BillingRunProgress>
    {
        public void Report(BillingRunProgress value) => report(value);
    }
}
