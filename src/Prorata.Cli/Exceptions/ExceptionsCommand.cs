using static System.FormattableString;
using Prorata.Application.Exceptions;
using Prorata.Application.WorkItems;
using Prorata.Domain.Contracts;

namespace Prorata.Cli.Exceptions;

/// <summary>
/// `exceptions [--connection STRING]`: what needs a person, as the app's Exceptions page shows it, one line per item.
/// Exit 0 when nothing is open, 1 when something is (so a scheduled job can alert on it), 2 on bad arguments.
/// </summary>
public static class ExceptionsCommand
{
    private const string Usage = "usage: prorata exceptions [--connection STRING]";

    /// <summary>Work items listed one by one; the count covers them all.</summary>
    private const int Listed = 200;

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
        var items = await new WorkItemSearch(db).ListAsync(new WorkItemFilter { PageSize = Listed }, cancellationToken);
        foreach (var stake in items.AtStake.Where(m => m.Currency is not null))
        {
            output.WriteLine(Invariant($"work items at stake {stake.Currency}: {stake.Amount:0.00} on {stake.Items} item(s)"));
        }
        foreach (var item in items.Items)
        {
            var money = item.AmountAtStake is { } amount ? Invariant($" [{amount:0.00} {item.Currency}]") : "";
            output.WriteLine($"#{item.Id} {EnumText.ToWire(item.Kind)} {item.Code}{money}: {item.Message}");
        }
        if (items.Total > items.Items.Count)
        {
            output.WriteLine($"{items.Total - items.Items.Count} more open work items: see `prorata work-items list --page 2`");
        }
        return overview.Open == 0 ? 0 : 1;
    }
}
