using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Domain.Reconciliation;
using Prorata.Integrations.ReconFiles;
using Prorata.Testing;
using ReconFileGenerator;
using Sylvan.Data.Csv;

namespace Prorata.Bench;

/// <summary>
/// Issue 5: a generated 1,000,000-line invoice recon file against 100,000 subscriptions.
/// (a) the floor: Sylvan reading the typed fields matching needs and doing nothing else;
/// (b) Prorata's reader and matcher (index build included). The goal is (b) at ≥ 50% of (a)'s speed.
/// The file is cached under /tmp (generation takes longer than the measurement); the expected charges are
/// regenerated in memory from the same seed. (c) is a whole import: SHA-256 of the file, parse, match and binary COPY of
/// every line with its outcome and all its columns into PostgreSQL in one transaction, through the app's own
/// <see cref="ReconImportWriter"/> on the migrated schema (the tests' server: PRORATA_TEST_POSTGRES, or a throwaway
/// cluster with fsync off).
/// </summary>
public static class ReconcileBenchmark
{
    public static int Run(string[] args)
    {
        var lines = 1_000_000;
        var subscriptions = 100_000;
        var rounds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--subscriptions": subscriptions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: Prorata.Bench reconcile [--lines N] [--subscriptions N] [--rounds N]");
                    return 2;
            }
        }

        var options = new GeneratorOptions
        {
            Lines = lines,
            Subscriptions = subscriptions,
            Injections = new Dictionary<Injection, int>
            {
                [Injection.OutOfBandSeatAdd] = 100, [Injection.MissedCancellation] = 100, [Injection.PriceChange] = 100,
                [Injection.Promotion] = 100, [Injection.QuantityChange] = 100, [Injection.OrphanSubscription] = 100,
                [Injection.ConventionB] = 100, [Injection.NotBilled] = 100,
            },
        };
        var path = Path.Combine(Path.GetTempPath(), $"prorata-recon-{lines}-{subscriptions}-{options.Seed}.csv");
        var clock = Stopwatch.StartNew();
        GeneratedRecon generated;
        if (File.Exists(path))
        {
            generated = ReconGenerator.Generate(options, null, OutputFormat.Csv);
            Console.WriteLine($"file        {path} (cached), expected charges regenerated in {clock.Elapsed.TotalSeconds:F2} s");
        }
        else
        {
            using (var file = File.Create(path + ".part"))
            {
                generated = ReconGenerator.Generate(options, file, OutputFormat.Csv);
            }
            File.Move(path + ".part", path);
            Console.WriteLine($"file        {path} generated in {clock.Elapsed.TotalSeconds:F2} s");
        }
        var size = new FileInfo(path).Length;
        Console.WriteLine($"            {lines:N0} lines, {size / 1e6:F0} MB, {subscriptions:N0} subscriptions, {generated.Expected.Count:N0} expected charges");

        var best = (Floor: double.MaxValue, Prorata: double.MaxValue, Index: 0.0);
        var allocated = 0L;
        ReconSummary? summary = null;
        for (var round = 1; round <= rounds; round++)
        {
            var floor = Time(() => ReadTypedFields(path));
            var parseOnly = Time(() =>
            {
                using var stream = File.OpenRead(path);
                foreach (var _ in InvoiceReconReader.ReadCsv(stream))
                {
                }
            });
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var indexSeconds = 0.0;
            var prorata = Time(() =>
            {
                var index = Stopwatch.StartNew();
                var matcher = new Matcher(generated.Expected, generated.KnownSubscriptions);
                indexSeconds = index.Elapsed.TotalSeconds;
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                foreach (var line in InvoiceReconReader.ReadCsv(stream))
                {
                    matcher.Match(line);
                }
                summary = matcher.Summarize();
            });
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Console.WriteLine($"round {round}     (a) typed read {floor:F2} s   parse only {parseOnly:F2} s   (b) parse + match {prorata:F2} s (index {indexSeconds:F2} s)");
            best = (Math.Min(best.Floor, floor), Math.Min(best.Prorata, prorata), indexSeconds);
        }

        Console.WriteLine();
        Console.WriteLine($"(a) Sylvan typed-field read, nothing else : {best.Floor:F2} s  {lines / best.Floor:N0} rows/s");
        Console.WriteLine($"(b) Prorata parse + match                 : {best.Prorata:F2} s  {lines / best.Prorata:N0} rows/s");
        Console.WriteLine($"ratio (b) speed / (a) speed               : {best.Floor / best.Prorata:P0}  (goal ≥ 50%)");
        Console.WriteLine($"allocated during (b)                      : {allocated / 1e6:N0} MB");
        Console.WriteLine($"peak working set of the process           : {Environment.WorkingSet / 1e6:N0} MB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB peak");
        Console.WriteLine($"summary                                   : {summary}");
        var (hashSeconds, storeSeconds, stored) = StoreInPostgres(path, generated);
        Console.WriteLine($"(c) SHA-256 + parse + match + COPY to PG  : {hashSeconds + storeSeconds:F2} s  (hash {hashSeconds:F2} s, the rest {storeSeconds:F2} s, {stored:N0} rows stored with every column; goal ≤ 10 s)");
        Console.WriteLine($"peak working set after (c)                : {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB (goal ≤ 1,074 MB)");
        var planted = generated.Counts;
        var ok = summary is not null && summary.Matched == planted[ReconState.Matched] && summary.MoneyAtStake == generated.MoneyAtStake;
        Console.WriteLine($"matches the planted differences           : {(ok ? "yes" : "NO")}");
        return ok ? 0 : 1;
    }

    private static (double HashSeconds, double StoreSeconds, long Stored) StoreInPostgres(string path, GeneratedRecon generated)
    {
        var connectionString = PostgresServer.CreateDatabaseAsync("recon_bench", CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            using (var migrate = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
            {
                migrate.Database.Migrate();
            }
            GC.Collect();
            var clock = Stopwatch.StartNew();
            string sha256;
            using (var hashed = File.OpenRead(path))
            {
                sha256 = Convert.ToHexStringLower(SHA256.HashData(hashed));
            }
            var hashSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var import = new ReconImport { Id = Guid.NewGuid(), FileName = Path.GetFileName(path), Sha256 = sha256, ReceivedAt = DateTimeOffset.UnixEpoch };
            using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
            {
                var writer = ReconImportWriter.BeginAsync(db, import, CancellationToken.None).GetAwaiter().GetResult();
                try
                {
                    var matcher = new Matcher(generated.Expected, generated.KnownSubscriptions);
                    long rows = 0;
                    using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
                    {
                        foreach (var line in InvoiceReconReader.ReadCsv(stream))
                        {
                            writer.Write(matcher.Match(line));
                            rows++;
                        }
                    }
                    writer.CompleteAsync(rows, matcher.Summarize(), matcher.Missing(), [], 0m, DateTimeOffset.UnixEpoch, CancellationToken.None).GetAwaiter().GetResult();
                }
                finally
                {
                    writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            var storeSeconds = clock.Elapsed.TotalSeconds;
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var count = new NpgsqlCommand("""SELECT count(*) FROM "ReconImportLines" WHERE "OtherColumns" <> '' """, connection);
            return (hashSeconds, storeSeconds, (long)count.ExecuteScalar()!);
        }
        finally
        {
            PostgresServer.DropDatabaseAsync(connectionString, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    // The same fields the matcher reads, typed by the CSV library itself, summed so nothing is optimised away.
    private static decimal ReadTypedFields(string path)
    {
        using var text = new StreamReader(path);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = 1 << 16 });
        var strings = Array.ConvertAll(["CustomerId", "SubscriptionId", "ChargeType", "Currency", "ReferenceId", "PromotionId", "ProductId", "SkuId"], csv.GetOrdinal);
        var decimals = Array.ConvertAll(["UnitPrice", "EffectiveUnitPrice", "Quantity", "BillableQuantity", "Subtotal", "TaxTotal", "Total"], csv.GetOrdinal);
        var dates = Array.ConvertAll(["ChargeStartDate", "ChargeEndDate", "OrderDate"], csv.GetOrdinal);
        var sum = 0m;
        var length = 0L;
        while (csv.Read())
        {
            foreach (var ordinal in strings)
            {
                length += csv.GetString(ordinal).Length;
            }
            foreach (var ordinal in decimals)
            {
                sum += csv.GetDecimal(ordinal);
            }
            foreach (var ordinal in dates)
            {
                length += csv.GetDateTime(ordinal).Day;
            }
        }
        return sum + length;
    }
}
