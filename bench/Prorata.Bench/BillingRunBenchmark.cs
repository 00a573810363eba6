using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Testing;
using Prorata.Application.Billing;

namespace Prorata.Bench;

/// <summary>
/// `billing-run [--contracts N]`: loads N contracts (default 10,000) with 10 subscriptions each and 10 change-log entries
/// per subscription into PostgreSQL by binary COPY (<see cref="BillingRunSeed"/>, which the crash test of the CLI shares),
/// bills one month (the stored billing run the app and the CLI use), then bills the same date again. Reports the load, the run, its peak memory, the rerun, and the run's time against raw COPY of
/// the same number of rows (the 1M change-log rows). Uses PRORATA_TEST_POSTGRES, or starts a throwaway cluster.
/// </summary>
public static class BillingRunBenchmark
{
    private const int SubscriptionsPerContract = 10;
    private const int ChangesPerSubscription = 10;
    private static readonly DateOnly BillingDate = BillingRunSeed.BillingDate;

    public static int Run(string[] args)
    {
        var contracts = 10_000;
        for (var i = 0; i < args.Length; i++)
            if (args[i] == "--contracts" && i + 1 < args.Length) contracts = int.Parse(args[++i], CultureInfo.InvariantCulture);
        return RunAsync(contracts).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int contractCount)
    {
        var ct = CancellationToken.None;
        var seed = new BillingRunSeed(contractCount, SubscriptionsPerContract, ChangesPerSubscription);
        var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_bench", ct)) { Pooling = true }.ConnectionString;
        try
        {
            await BillingRunSeed.MigrateWithPriceListAsync(connectionString, ct);

            var load = Stopwatch.StartNew();
            var subscriptionIds = await seed.LoadContractsAsync(connectionString, ct);
            var contractsLoaded = load.Elapsed;
            var copy = Stopwatch.StartNew();
            var logRows = await seed.LoadChangeLogAsync(connectionString, subscriptionIds, ct);
            var copyTime = copy.Elapsed;
            Console.WriteLine($"loaded {contractCount:N0} contracts, {subscriptionIds.Count:N0} subscriptions in {contractsLoaded.TotalSeconds:F1} s; " +
                $"{logRows:N0} change-log rows by binary COPY in {copyTime.TotalSeconds:F2} s ({logRows / copyTime.TotalSeconds:N0} rows/s)");
            await BillingRunSeed.AnalyzeAsync(connectionString, ct);

            GC.Collect();
            var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
            var run = Stopwatch.StartNew();
            BillingRunProgress first;
            await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
                first = await new BillingRunner(db, new BillingOptions(), TimeProvider.System).RunAsync(BillingDate, issue: true, null, ct);
            var runTime = run.Elapsed;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;

            var rerun = Stopwatch.StartNew();
            BillingRunProgress second;
            await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
                second = await new BillingRunner(db, new BillingOptions(), TimeProvider.System).RunAsync(BillingDate, issue: true, null, ct);
            var rerunTime = rerun.Elapsed;

            var (invoices, lines, total) = await CountAsync(connectionString, ct);
            Console.WriteLine($"billing run {BillingDate:yyyy-MM-dd}: {first.Invoiced:N0} invoices issued ({invoices:N0} stored, {lines:N0} lines, total {total:N2} USD) " +
                $"in {runTime.TotalSeconds:F2} s; peak working set {peak / 1024 / 1024:N0} MiB (before the run {memoryBefore / 1024 / 1024:N0} MiB)");
            Console.WriteLine($"second run of the same date: {second.Invoiced} invoices written, {second.AlreadyBilled:N0} already billed, in {rerunTime.TotalSeconds:F2} s");
            Console.WriteLine($"run / raw COPY of {logRows:N0} rows: {runTime.TotalSeconds / copyTime.TotalSeconds:F2}×");
            var ok = first.Invoiced == contractCount && second.Invoiced == 0 && invoices == contractCount;
            Console.WriteLine(ok ? "ok: one invoice per due contract, nothing written by the rerun" : "FAILED: invoice counts differ from the due contracts");
            return ok ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(connectionString, ct);
        }
    }

    private static async Task<(long Invoices, long Lines, decimal Total)> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM \"Invoices\"), (SELECT count(*) FROM \"InvoiceLines\"), (SELECT coalesce(sum(\"Total\"), 0) FROM \"Invoices\")", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetDecimal(2));
    }
}
