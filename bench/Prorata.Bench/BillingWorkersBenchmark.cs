using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Prorata.Application.Billing;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `billing-workers [--contracts 10000] [--workers 1,2,4] [--chunk-size 400]`: loads the billing-run book (N contracts ×
/// 10 P1Y subscriptions × 10 change-log entries: 100,000 subscriptions and 1,000,000 changes by default) into PostgreSQL
/// by binary COPY, then bills 1 March on a fresh copy of it with 1, 2 and 4 worker processes at once (this program with
/// `billing-worker`, <see cref="BillingWorker"/> as `prorata worker` runs it), timing each from the first start to the
/// last exit. Checks every run's invoices (one per contract, numbers 1..N per legal entity) and that they bill exactly
/// what the one-worker run billed, line for line; and times a raw binary COPY of the one-worker run's invoice and
/// invoice-line rows into empty tables of the same shape, as the floor each run is compared with.
/// </summary>
public static class BillingWorkersBenchmark
{
    private static readonly DateOnly BillingDate = BillingRunSeed.BillingDate;

    public static int Run(string[] args)
    {
        var (contracts, workers, chunkSize) = (10_000, new[] { 1, 2, 4 }, 400);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--contracts" when i + 1 < args.Length: contracts = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--workers" when i + 1 < args.Length: workers = args[++i].Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--chunk-size" when i + 1 < args.Length: chunkSize = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; billing-workers [--contracts 10000] [--workers 1,2,4] [--chunk-size 400]");
                    return 2;
            }
        }
        return RunAsync(contracts, workers, chunkSize).GetAwaiter().GetResult();
    }

    /// <summary>`billing-worker --connection STRING --chunk-size N`: one worker process of the benchmark.</summary>
    public static int Work(string[] args)
    {
        var connection = args[Array.IndexOf(args, "--connection") + 1];
        var chunkSize = int.Parse(args[Array.IndexOf(args, "--chunk-size") + 1], CultureInfo.InvariantCulture);
        return WorkAsync(connection, chunkSize).GetAwaiter().GetResult();
    }

    private static async Task<int> WorkAsync(string connectionString, int chunkSize)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        var settings = new BillingWorkerSettings($"{Environment.MachineName}/{Environment.ProcessId}", chunkSize, BillingWorkerSettings.DefaultLease);
        var worker = new BillingWorker(db, new BillingOptions(), TimeProvider.System, settings);
        var plan = await worker.PlanAsync(BillingDate, issue: true, CancellationToken.None);
        var result = await worker.RunAsync(plan, null, CancellationToken.None);
        Console.WriteLine($"worker {settings.Name}: {result.ChunksBilled} of {result.Chunks} chunks, {result.Invoiced} invoices");
        return result.Failed > 0 ? 1 : 0;
    }

    private static async Task<int> RunAsync(int contractCount, int[] workerCounts, int chunkSize)
    {
        var ct = CancellationToken.None;
        var seed = new BillingRunSeed(contractCount, 10, 10);
        var source = await PostgresServer.CreateDatabaseAsync("prorata_workers_bench", ct);
        var databases = new List<string> { source };
        try
        {
            await BillingRunSeed.MigrateWithPriceListAsync(source, ct);
            var load = Stopwatch.StartNew();
            var subscriptions = await seed.LoadContractsAsync(source, ct);
            var logRows = await seed.LoadChangeLogAsync(source, subscriptions, ct);
            await BillingRunSeed.AnalyzeAsync(source, ct);
            Console.WriteLine($"loaded {contractCount:N0} contracts, {subscriptions.Count:N0} subscriptions, {logRows:N0} change-log rows in {load.Elapsed.TotalSeconds:F1} s");

            var runs = new List<(int Workers, TimeSpan Time, string Database)>();
            foreach (var workers in workerCounts)
            {
                var copy = await PostgresServer.CloneDatabaseAsync(source, $"prorata_workers_bench_{workers}", ct);
                databases.Add(copy);
                var pooled = new NpgsqlConnectionStringBuilder(copy) { Pooling = true }.ConnectionString;
                var run = Stopwatch.StartNew();
                var processes = Enumerable.Range(0, workers).Select(_ => StartWorker(pooled, chunkSize)).ToList();
                foreach (var process in processes)
                {
                    await process.WaitForExitAsync(ct);
                    if (process.ExitCode != 0) throw new InvalidOperationException($"a worker exited {process.ExitCode}");
                }
                var time = run.Elapsed;
                foreach (var process in processes) process.Dispose();
                runs.Add((workers, time, copy));
                var (invoices, lines, total, gapFree) = await CheckAsync(copy, ct);
                Console.WriteLine($"{workers} worker(s): {invoices:N0} invoices, {lines:N0} lines, total {total:N2} USD, numbers gap-free per legal entity: {(gapFree ? "yes" : "NO")}, " +
                    $"in {time.TotalSeconds:F1} s ({invoices / time.TotalSeconds:N0} invoices/s)");
                if (invoices != contractCount || !gapFree) throw new InvalidOperationException("the run did not bill one invoice per contract with gap-free numbers");
            }

            var reference = await FingerprintAsync(runs[0].Database, ct);
            foreach (var (workers, _, database) in runs.Skip(1))
                if (await FingerprintAsync(database, ct) != reference) throw new InvalidOperationException($"{workers} workers billed other lines than {runs[0].Workers}");
            var (copyTime, copied) = await RawCopyAsync(runs[0].Database, ct);
            Console.WriteLine($"raw binary COPY of the same {copied:N0} invoice and invoice-line rows into empty tables of the same shape: {copyTime.TotalSeconds:F2} s");
            foreach (var (workers, time, _) in runs)
                Console.WriteLine($"{workers} worker(s): {time.TotalSeconds:F1} s, {runs[0].Time / time:F2}× the speed of {runs[0].Workers}, {time / copyTime:F1}× the raw COPY");
            Console.WriteLine("ok: every run billed one invoice per contract, line for line as the first, numbers gap-free");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in databases) await PostgresServer.DropDatabaseAsync(database, ct);
        }
    }

    private static Process StartWorker(string connectionString, int chunkSize)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(BillingWorkersBenchmark).Assembly.Location);
        foreach (var arg in new[] { "billing-worker", "--connection", connectionString, "--chunk-size", chunkSize.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
    }

    /// <summary>Invoices, lines, the sum of totals, and whether each legal entity's numbers are exactly 1..its count.</summary>
    private static async Task<(long Invoices, long Lines, decimal Total, bool GapFree)> CheckAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "Invoices"), (SELECT count(*) FROM "InvoiceLines"), (SELECT coalesce(sum("Total"), 0) FROM "Invoices"),
                   (SELECT bool_and(n = c AND d = c AND s."LastNumber" = c) FROM (
                        SELECT "LegalEntityId", count(*) AS c, max("Number") AS n, count(DISTINCT "Number") AS d FROM "Invoices" GROUP BY "LegalEntityId") e
                    JOIN "DocumentNumberSequences" s ON s."LegalEntityId" = e."LegalEntityId" AND s."Kind" = 'Invoice')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetBoolean(3));
    }

    /// <summary>What the run billed, without ids, numbers and timestamps: every line of every invoice, hashed in contract order.</summary>
    private static async Task<string> FingerprintAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT md5(string_agg(concat_ws('|', i."ContractId", i."Status", i."Total", i."TaxTotal", i."DueDate", l."Position", l."SubscriptionId", l."Kind", l."Origin",
                l."PeriodStart", l."PeriodEnd", l."Days", l."PeriodDays", l."Quantity", l."UnitPrice", l."Amount", l."Tax"), ',' ORDER BY i."ContractId", l."Position"))
            FROM "Invoices" i JOIN "InvoiceLines" l ON l."InvoiceId" = i."Id"
            """, connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The floor: the run's invoices and lines read out as binary COPY, then timed going back in by binary COPY into empty
    /// tables with the same columns, defaults and indexes (no foreign keys or triggers: a raw load checks nothing).
    /// </summary>
    private static async Task<(TimeSpan Time, long Rows)> RawCopyAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = new[] { "Invoices", "InvoiceLines" };
        var data = new List<byte[]>();
        foreach (var table in tables)
        {
            using var buffer = new MemoryStream();
            await using (var output = await connection.BeginRawBinaryCopyAsync($"COPY \"{table}\" TO STDOUT (FORMAT BINARY)", ct))
                await output.CopyToAsync(buffer, ct);
            data.Add(buffer.ToArray());
            await using var create = new NpgsqlCommand($"CREATE TABLE \"Raw{table}\" (LIKE \"{table}\" INCLUDING ALL)", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        var copy = Stopwatch.StartNew();
        for (var t = 0; t < tables.Length; t++)
        {
            await using var input = await connection.BeginRawBinaryCopyAsync($"COPY \"Raw{tables[t]}\" FROM STDIN (FORMAT BINARY)", ct);
            await input.WriteAsync(data[t], ct);
        }
        var time = copy.Elapsed;
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM \"RawInvoices\") + (SELECT count(*) FROM \"RawInvoiceLines\")", connection);
        return (time, (long)(await count.ExecuteScalarAsync(ct))!);
    }
}
