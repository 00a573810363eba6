using System.Globalization;
using Prorata.Application.Billing;
using Prorata.Data.Billing;

namespace Prorata.Cli.Bill;

/// <summary>
/// `worker --date yyyy-MM-dd [--connection STRING] [--issue | --draft] [--chunk-size N] [--lease-seconds N] [--partner-currency USD]`:
/// one of any number of processes, on any machines, sharing a date's billing run on one PostgreSQL database
/// (docs/scaling.md). Plans the run's chunks when nobody has, claims and bills chunks until every chunk is finished (by
/// it or by others, waiting out the lease of a worker that stopped), prints a line per chunk and what it billed, exits 0
/// (1 when a contract could not be billed, 2 on bad arguments or when the run was planned to issue and this worker to
/// draft, or the reverse). Invoices are issued unless --draft, as with `bill`.
/// </summary>
public static class WorkerCommand
{
    private const string Usage = "usage: prorata worker --date yyyy-MM-dd [--connection STRING] [--issue | --draft] [--chunk-size N] [--lease-seconds N] [--partner-currency USD]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? dateText = null, connection = Environment.GetEnvironmentVariable("ConnectionStrings__Prorata"), currency = "USD";
        var issue = true;
        int chunkSize = BillingWorkerSettings.DefaultChunkSize, leaseSeconds = (int)BillingWorkerSettings.DefaultLease.TotalSeconds;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--date" when i + 1 < args.Length: dateText = args[++i]; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--partner-currency" when i + 1 < args.Length: currency = args[++i]; break;
                case "--issue": issue = true; break;
                case "--draft": issue = false; break;
                case "--chunk-size" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 100_000:
                    chunkSize = size;
                    i++;
                    break;
                case "--lease-seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var lease) && lease is >= 3 and <= 3600:
                    leaseSeconds = lease;
                    i++;
                    break;
                case "--chunk-size" or "--lease-seconds" when i + 1 < args.Length:
                    error.WriteLine($"{args[i]} must be a whole number ({(args[i] == "--chunk-size" ? "1 to 100000" : "3 to 3600")}); got '{args[i + 1]}'. {Usage}");
                    return 2;
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
        var name = $"{Environment.MachineName}/{Environment.ProcessId}";
        var settings = new BillingWorkerSettings(name, chunkSize, TimeSpan.FromSeconds(leaseSeconds));
        // Issued invoices are queued for e-mail when a mail server is configured; the app's outbox worker sends them.
        var send = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Prorata__Smtp__Host"));
        var worker = new BillingWorker(db, new BillingOptions { PartnerCurrency = currency }, TimeProvider.System, settings, send);
        var plan = await worker.PlanAsync(date, issue, cancellationToken);
        if (plan.Issue != issue)
        {
            error.WriteLine($"the run of {date:yyyy-MM-dd} was planned to {(plan.Issue ? "issue" : "draft")} its invoices; start this worker {(plan.Issue ? "without --draft" : "with --draft")}");
            return 2;
        }
        output.WriteLine(plan.Chunks == 0
            ? $"nothing due on {date:yyyy-MM-dd}"
            : $"run {date:yyyy-MM-dd}: {plan.Contracts} contracts due in {plan.Chunks} chunks{(plan.PlannedHere ? ", planned by this worker" : "")}; worker {name}");
        var result = await worker.RunAsync(plan, new ConsoleProgress(p => output.WriteLine($"{p.ChunksBilled} chunk(s) billed by this worker: {p.Invoiced} invoices")),
            cancellationToken);
        output.WriteLine($"worker {name} billed {date:yyyy-MM-dd}: {result.ChunksBilled} of {result.Chunks} chunks ({result.TakenOver} taken over), " +
            $"{result.Contracts} contracts, {result.Invoiced} invoices {(plan.Issue ? "issued" : "drafted")}, {result.AlreadyBilled} already billed; every chunk is finished");
        if (result.Failed > 0 || result.Problems > 0)
            output.WriteLine($"{result.Failed} contract(s) could not be billed; {result.Problems} work item(s) raised or seen again: prorata work-items list");
        return result.Failed > 0 ? 1 : 0;
    }

    private sealed class ConsoleProgress(Action<BillingWorkerResult> report) : IProgress<BillingWorkerResult>
    {
        public void Report(BillingWorkerResult value) => report(value);
    }
}
