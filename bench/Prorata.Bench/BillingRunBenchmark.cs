using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Data.Catalog;
using Prorata.Domain.Catalog;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `billing-run [--contracts N]`: loads N contracts (default 10,000) with 10 subscriptions each and 10 change-log entries
/// per subscription into PostgreSQL by binary COPY, bills one month (the stored billing run the app and the CLI use), then
/// bills the same date again. Reports the load, the run, its peak memory, the rerun, and the run's time against raw COPY of
/// the same number of rows (the 1M change-log rows). Uses PRORATA_TEST_POSTGRES, or starts a throwaway cluster.
/// </summary>
public static class BillingRunBenchmark
{
    private const int SubscriptionsPerContract = 10;
    private const int ChangesPerSubscription = 10;
    private static readonly DateOnly BillingDate = new(2026, 3, 1);
    private static readonly DateTimeOffset Loaded = new(2026, 2, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Products = ["CFQ7TTC0LH18", "CFQ7TTC0LCHC", "CFQ7TTC0LFLZ", "CFQ7TTC0LF8Q", "CFQ7TTC0LDPB"];

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
        var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_bench", ct)) { Pooling = true }.ConnectionString;
        try
        {
            await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString)))
            {
                await db.Database.MigrateAsync(ct);
                db.PriceListVersions.Add(new PriceListVersion
                {
                    Id = Guid.NewGuid(), Name = "bench", ImportedAt = Loaded, ImportedBy = "bench", EffectiveFrom = new DateOnly(2025, 1, 1),
                    Entries = Products.Select((p, i) => new PriceListEntry
                    {
                        ProductId = p, SkuId = "0001", Title = p, Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US", Currency = "USD",
                        UnitPrice = 72m * (i + 1), ErpPrice = 86.4m * (i + 1), EffectiveFrom = new DateOnly(2025, 1, 1), Publisher = Publisher.Microsoft,
                    }).ToList(),
                });
                await db.SaveChangesAsync(ct);
            }

            var load = Stopwatch.StartNew();
            var (contractIds, subscriptionIds) = await LoadContractsAsync(connectionString, contractCount, ct);
            var contractsLoaded = load.Elapsed;
            var copy = Stopwatch.StartNew();
            var logRows = await LoadChangeLogAsync(connectionString, subscriptionIds, ct);
            var copyTime = copy.Elapsed;
            Console.WriteLine($"loaded {contractIds.Count:N0} contracts, {subscriptionIds.Count:N0} subscriptions in {contractsLoaded.TotalSeconds:F1} s; " +
                $"{logRows:N0} change-log rows by binary COPY in {copyTime.TotalSeconds:F2} s ({logRows / copyTime.TotalSeconds:N0} rows/s)");
            await AnalyzeAsync(connectionString, ct);

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

    private static async Task<(List<Guid> Contracts, List<(Guid Id, Guid Contract, int Product)> Subscriptions)> LoadContractsAsync(string connectionString, int count,
        CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var contracts = new List<Guid>(count);
        var subscriptions = new List<(Guid, Guid, int)>(count * SubscriptionsPerContract);
        var customers = Enumerable.Range(0, count).Select(i => Guid.CreateVersion7(Loaded.AddTicks(i))).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"Customers\" (\"Id\", \"Name\", \"Currency\", \"BillingEmail\", \"CreditHold\", \"CreatedAt\", \"UpdatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                await copy.WriteRowAsync(ct, customers[i], $"Bench Customer {i:D6}", "USD", $"ap{i}@bench.example", false, Loaded, Loaded, 1);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"BillingContracts\" (\"Id\", \"CustomerId\", \"Currency\", \"BillingDay\", \"InvoiceCadence\", \"PaymentTermsDays\", \"RefundPolicy\", \"Alignment\", \"LegalEntityName\", \"CreatedAt\", \"UpdatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7(Loaded.AddTicks(i));
                contracts.Add(id);
                // Three legal entities, so invoice numbering is contended the way a real multi-entity partner's is.
                await copy.WriteRowAsync(ct, id, customers[i], "USD", BillingDate.Day, "Monthly", 30, "Prorated", "Contract", $"Bench Entity {i % 3}", Loaded, Loaded, 1);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"ContractPricingRules\" (\"BillingContractId\", \"Position\", \"ProductId\", \"Method\", \"Value\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var id in contracts) await copy.WriteRowAsync(ct, id, 0, "*", "MarkupOnCost", 12m);
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY \"Subscriptions\" (\"Id\", \"ContractId\", \"ProductId\", \"SkuId\", \"Title\", \"Term\", \"BillingPlan\", \"AlignToCalendarMonth\", \"Status\", \"Quantity\", \"AutoRenew\", \"Provisioning\", \"CreatedAt\", \"UpdatedAt\", \"ChangeCount\") FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var c = 0; c < count; c++)
            for (var s = 0; s < SubscriptionsPerContract; s++)
            {
                var id = Guid.CreateVersion7(Loaded.AddTicks(c * SubscriptionsPerContract + s));
                var product = (c + s) % Products.Length;
                subscriptions.Add((id, contracts[c], product));
                await copy.WriteRowAsync(ct, id, contracts[c], Products[product], "0001", Products[product], "P1Y", "Monthly", false, "Active", 10 + s, true,
                    "Provisioned", Loaded, Loaded, ChangesPerSubscription);
            }
            await copy.CompleteAsync(ct);
        }
        return (contracts, subscriptions);
    }

    /// <summary>
    /// Ten entries per subscription, all in February: the purchase, then every third change a seat increase and the others
    /// auto-renew switches (ending on), six hours apart — the month a billing run on 1 March has to bill.
    /// </summary>
    private static async Task<long> LoadChangeLogAsync(string connectionString, List<(Guid Id, Guid Contract, int Product)> subscriptions, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        long rows = 0;
        // Synchronous writes: the raw COPY baseline should be as fast as Npgsql goes (the async path awaits per field).
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"LicenseChangeLog\" (\"SubscriptionId\", \"Sequence\", \"Type\", \"At\", \"RecordedAt\", \"Actor\", \"Source\", \"Quantity\", \"Enabled\", \"AwaitingProvisioning\") FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var (id, _, _) = subscriptions[i];
            var purchased = new DateTimeOffset(2026, 2, 1 + i % 20, 8 + i % 8, 0, 0, TimeSpan.Zero);
            var quantity = 10 + i % SubscriptionsPerContract;
            for (var k = 0; k < ChangesPerSubscription; k++)
            {
                var at = purchased.AddHours(6 * k);
                var type = k == 0 ? "Purchase" : k % 3 == 0 ? "SetQuantity" : "SetAutoRenew";
                int? seats = k == 0 ? quantity : k % 3 == 0 ? quantity + k : null;
                bool? enabled = k == 0 ? true : k % 3 == 0 ? null : k % 2 == 1 || k == ChangesPerSubscription - 1;
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Uuid);
                copy.Write(k + 1, NpgsqlDbType.Integer);
                copy.Write(type, NpgsqlDbType.Varchar);
                copy.Write(at, NpgsqlDbType.TimestampTz);
                copy.Write(at, NpgsqlDbType.TimestampTz);
                copy.Write("bench", NpgsqlDbType.Varchar);
                copy.Write("Sync", NpgsqlDbType.Varchar);
                if (seats is { } q) copy.Write(q, NpgsqlDbType.Integer); else copy.WriteNull();
                if (enabled is { } e) copy.Write(e, NpgsqlDbType.Boolean); else copy.WriteNull();
                copy.Write(false, NpgsqlDbType.Boolean);
                rows++;
            }
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    private static async Task AnalyzeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("ANALYZE", connection);
        await command.ExecuteNonQueryAsync(ct);
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
