using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Reconciliation;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Subscriptions;
using Prorata.Integrations.ReconFiles;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `usage-import [--plans N] [--meters N] [--days N]`: writes a daily-rated usage CSV of plans × meters × days rows
/// (default 1,000 × 20 × 30 = 600,000, a month of a partner with a thousand Azure plans), then imports it the way the
/// app and `prorata usage import` do (hash, streaming parse, every row stored, summed into change-log usage entries, one
/// transaction) into PostgreSQL. Reports the time, rows per second and peak memory. Issue #5 sets no target for usage
/// files; this measures what a partner would wait. Uses PRORATA_TEST_POSTGRES, or starts a throwaway cluster.
/// </summary>
public static class UsageImportBenchmark
{
    private const string Header = "CustomerId,SubscriptionId,EntitlementId,UsageDate,MeterId,MeterName,MeterCategory,ResourceURI,ChargeType,UnitPrice,Quantity,"
        + "BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal,PricingCurrency,PCToBCExchangeRate,PartnerEarnedCreditPercentage,EffectiveUnitPrice";

    public static int Run(string[] args)
    {
        int plans = 1_000, meters = 20, days = 30;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--plans": plans = value; break;
                case "--meters": meters = value; break;
                case "--days": days = value; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; usage-import [--plans N] [--meters N] [--days N]");
                    return 2;
            }
        }
        return RunAsync(plans, meters, days).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int planCount, int meters, int days)
    {
        var ct = CancellationToken.None;
        var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_usage_bench", ct)) { Pooling = true }.ConnectionString;
        var file = Path.Combine(Path.GetTempPath(), $"prorata-usage-{planCount}x{meters}x{days}.csv");
        try
        {
            var plans = await SeedPlansAsync(connectionString, planCount, ct);
            var write = Stopwatch.StartNew();
            var rows = WriteFile(file, plans, meters, days);
            Console.WriteLine($"file        {file}: {rows:N0} rows, {new FileInfo(file).Length / 1_000_000:N0} MB, written in {write.Elapsed.TotalSeconds:F2} s");

            GC.Collect();
            var watch = Stopwatch.StartNew();
            UsageImportOutcome outcome;
            await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
            {
                string sha256;
                await using (var hashed = File.OpenRead(file)) sha256 = await ReconFileHash.ComputeAsync(hashed, ct);
                await using var stream = File.OpenRead(file);
                outcome = await new UsageImporter(db, TimeProvider.System).ImportAsync(file, sha256, UsageReconReader.Read(stream, ReconFileFormat.Csv), ct);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            long entries;
            await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
                entries = await db.LicenseChangeLog.LongCountAsync(ct);
            if (outcome.Refusal is { } refusal)
            {
                Console.WriteLine($"refused: {refusal.Message}");
                return 1;
            }
            var import = outcome.Import!;
            Console.WriteLine($"import      {import.Rows:N0} rows stored with every column and {entries:N0} change-log usage entries in {seconds:F2} s "
                + $"({import.Rows / seconds:N0} rows/s; hash, parse, store, sum, one transaction)");
            Console.WriteLine($"memory      peak working set {peak / (1024 * 1024):N0} MiB");
            return 0;
        }
        finally
        {
            File.Delete(file);
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(connectionString, ct);
        }
    }

    private static async Task<List<Guid>> SeedPlansAsync(string connectionString, int count, CancellationToken ct)
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
        await db.Database.MigrateAsync(ct);
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var customer = new Customer { Id = Guid.NewGuid(), Name = "Azure bench", Currency = "USD", BillingEmail = "ap@azure-bench.example", CreatedAt = now, UpdatedAt = now, Version = 1 };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "USD", BillingDay = 1, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New("Bench entity", now, "USD"),
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        var plans = Enumerable.Range(0, count).Select(_ => new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = PurchaseOrder.AzurePlan, SkuId = "DZH318Z0BPS6", Title = "Azure plan",
            Status = SubscriptionStatus.Active, Quantity = 1, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.AddRange(customer, contract);
        db.AddRange(plans);
        await db.SaveChangesAsync(ct);
        return [.. plans.Select(p => p.Id)];
    }

    private static long WriteFile(string path, List<Guid> plans, int meters, int days)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        long rows = 0;
        var first = new DateOnly(2026, 2, 1);
        foreach (var plan in plans)
        {
            for (var day = 0; day < days; day++)
            {
                var date = first.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                for (var meter = 0; meter < meters; meter++)
                {
                    var quantity = 1 + ((rows * 7) % 24);
                    var cost = (quantity * 0.0625m).ToString(CultureInfo.InvariantCulture);
                    var retail = (quantity * 0.075m).ToString(CultureInfo.InvariantCulture);
                    writer.WriteLine($"c-bench,{plan},e-1,{date},meter-{meter:D3},Meter {meter},Virtual Machines,/subscriptions/{plan}/vm{meter},new,0.0625,{quantity},{cost},USD,{retail},USD,1,0,0.0625");
                    rows++;
                }
            }
        }
        return rows;
    }
}
