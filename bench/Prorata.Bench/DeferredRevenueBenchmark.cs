using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Prorata.Application.Insight;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Contracts;
using InvoiceLineKind = Prorata.Domain.Billing.InvoiceLineKind;
using Prorata.Domain.Catalog;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `deferred-revenue [--lines 1000000] [--contracts 2000] [--postgres]` (issue 15): two legal entities (EUR, USD), contracts
/// billed on the 1st of each month of 2025 and 2026, each invoice with its share of the lines: 70 % a month of service, 20 %
/// a year, 10 % three years, 10.00 to 5,000.00 each. Times the schedule of those 24 months as the API computes it (best of 3),
/// and checks it against the lines themselves: per entity, the billed months add up to the lines billed, and every month's
/// closing is what the lines still defer at its end. Target: ≤ 10 s for 1,000,000 lines.
/// </summary>
public static class DeferredRevenueBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);
    private static readonly DateOnly First = new(2025, 1, 1);
    private const int Months = 24;

    public static int Run(string[] args)
    {
        var (lines, contracts, postgres) = (1_000_000, 2_000, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--contracts": contracts = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = true; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; deferred-revenue [--lines 1000000] [--contracts 2000] [--postgres]");
                    return 2;
            }
        }
        return RunAllAsync(lines, contracts, postgres).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAllAsync(int lines, int contracts, bool postgres)
    {
        var ct = CancellationToken.None;
        var failed = 0;
        var file = ReceivablesSeed.NewSqliteFile("deferred-revenue");
        try
        {
            failed += await RunAsync("SQLite", $"Data Source={file};Pooling=False", lines, contracts, ct);
        }
        finally
        {
            ReceivablesSeed.DeleteSqlite(file);
        }
        if (postgres)
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_deferred", ct)) { Pooling = true }.ConnectionString;
            try
            {
                failed += await RunAsync("PostgreSQL", connectionString, lines, contracts, ct);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresServer.DropDatabaseAsync(connectionString, ct);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> RunAsync(string database, string connectionString, int lineCount, int contractCount, CancellationToken ct)
    {
        var seed = Stopwatch.StartNew();
        await ReceivablesSeed.MigrateAsync(connectionString, ct);
        var (entities, seeded) = await SeedAsync(connectionString, lineCount, contractCount, ct);
        await ReceivablesSeed.AnalyzeAsync(connectionString, ct);
        Console.WriteLine($"[{database}] seeded {seeded.Count:N0} invoice lines on {contractCount * Months:N0} invoices in {seed.Elapsed.TotalSeconds:F1} s");

        IReadOnlyList<DeferredRevenueRow> rows = [];
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            await using var db = ReceivablesSeed.Open(connectionString);
            var watch = Stopwatch.StartNew();
            rows = await new DeferredRevenueReport(db).MonthsAsync(First, First.AddMonths(Months - 1), null, ct);
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        Console.WriteLine($"[{database}] deferred revenue schedule, {Months} months × {entities.Count} legal entities ({rows.Count} rows) from {seeded.Count:N0} lines: best of 3 {best.TotalSeconds:F2} s");

        var wrong = 0;
        foreach (var (entityId, currency) in entities)
        {
            var mine = seeded.Where(l => l.LegalEntity == entityId.ToString()).ToList();
            var schedule = rows.Where(r => r.LegalEntityId == entityId).ToList();
            var code = Currency.FromCode(currency);
            for (var m = 0; m < Months; m++)
            {
                var monthEnd = First.AddMonths(m + 1).AddDays(-1);
                var deferred = mine.Sum(l => RevenueRecognition.DeferredAt(l, monthEnd, code));
                var billed = mine.Where(l => l.Billed.Year == monthEnd.Year && l.Billed.Month == monthEnd.Month).Sum(l => l.Amount);
                if (schedule.Count != Months || schedule[m].Closing != deferred || schedule[m].Billed != billed) wrong++;
            }
        }
        var ok = wrong == 0 && best <= Target;
        Console.WriteLine($"[{database}] {(ok ? "ok" : "FAILED")}: {Months * entities.Count - wrong} of {Months * entities.Count} months match the lines (billed, closing); " +
            $"{(best <= Target ? "within" : "over")} {Target.TotalSeconds:F0} s");
        return ok ? 0 : 1;
    }

    private static async Task<(List<(Guid Id, string Currency)> Entities, List<DeferredLine> Lines)> SeedAsync(string connectionString, int lineCount, int contractCount,
        CancellationToken ct)
    {
        var at = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(20261203);
        var entities = new[] { TestLegalEntities.New("Bench Reseller GmbH", at, "EUR"), TestLegalEntities.New("Bench Reseller Inc.", at, "USD") };
        await using (var db = ReceivablesSeed.Open(connectionString))
        {
            db.LegalEntities.AddRange(entities);
            await db.SaveChangesAsync(ct);
        }
        var customers = Enumerable.Range(0, contractCount).Select(i => new Customer
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), Name = $"Bench Customer {i:D6}", Currency = entities[i % 2].Currency, BillingEmail = $"ap{i}@bench.example",
            CreatedAt = at, UpdatedAt = at, Version = 1,
        }).ToList();
        var contracts = customers.Select((c, i) => new BillingContract
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), CustomerId = c.Id, Currency = c.Currency, BillingDay = 1, InvoiceCadence = InvoiceCadence.Monthly, PaymentTermsDays = 30,
            LegalEntityId = entities[i % 2].Id, CreatedAt = at, UpdatedAt = at, Version = 1,
        }).ToList();
        var subscriptions = contracts.Select((c, i) => new CustomerSubscription
        {
            Id = Guid.CreateVersion7(at.AddTicks(i)), ContractId = c.Id, ProductId = "CFQ7TTC0LF8Q", SkuId = "0001", Title = "Microsoft 365 E3", Term = TermDuration.P1Y,
            BillingPlan = BillingPlan.Monthly, Quantity = 1, AutoRenew = true, CreatedAt = at, UpdatedAt = at, ChangeCount = 1,
        }).ToList();
        await ReceivablesSeed.InsertAsync(connectionString, customers, ct);
        await ReceivablesSeed.InsertAsync(connectionString, contracts, ct);
        await ReceivablesSeed.InsertAsync(connectionString, subscriptions, ct);

        var invoiceCount = contractCount * Months;
        var invoices = new List<CustomerInvoice>(invoiceCount);
        var lines = new List<CustomerInvoiceLine>(lineCount);
        var deferred = new List<DeferredLine>(lineCount);
        for (var n = 0; n < invoiceCount; n++)
        {
            var (contract, month) = (n % contractCount, n / contractCount);
            var entity = entities[contract % 2];
            var date = First.AddMonths(month);
            var invoice = new CustomerInvoice
            {
                Id = Guid.CreateVersion7(at.AddTicks(n)), ContractId = contracts[contract].Id, BillingDate = date, Kind = InvoiceKind.Invoice, Status = InvoiceStatus.Draft,
                LegalEntityId = entity.Id, LegalEntityName = entity.Name, Number = n + 1, NumberPrefix = "INV-", Currency = entity.Currency, DueDate = date.AddDays(30),
                CreatedAt = at, IssuedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            };
            // The lines spread evenly: the first (lineCount mod invoices) invoices take one more.
            var mine = lineCount / invoiceCount + (n < lineCount % invoiceCount ? 1 : 0);
            for (var k = 0; k < mine; k++)
            {
                var months = random.NextDouble() switch { < 0.7 => 1, < 0.9 => 12, _ => 36 };
                var end = date.AddMonths(months).AddDays(-1);
                var amount = random.Next(1_000, 500_000) / 100m;
                invoice.Subtotal += amount;
                lines.Add(new CustomerInvoiceLine
                {
                    InvoiceId = invoice.Id, Position = k + 1, SubscriptionId = subscriptions[contract].Id, Kind = InvoiceLineKind.Recurring, PeriodStart = date, PeriodEnd = end,
                    Quantity = 1, UnitPrice = amount, Amount = amount, Days = end.DayNumber - date.DayNumber + 1, PeriodDays = end.DayNumber - date.DayNumber + 1,
                    ProductId = "CFQ7TTC0LF8Q", SkuId = "0001", Origin = $"bench:{k}",
                });
                deferred.Add(new DeferredLine(entity.Id.ToString(), entity.Currency, date, date, end, amount));
            }
            invoice.Total = invoice.Subtotal;
            invoices.Add(invoice);
        }
        await ReceivablesSeed.InsertAsync(connectionString, invoices, ct);
        await ReceivablesSeed.InsertAsync(connectionString, lines, ct);
        // Issued once their lines are in, as issuing does (lines of an issued invoice cannot be written).
        await using (var db = ReceivablesSeed.Open(connectionString))
            await db.Invoices.ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.Issued), ct);
        return ([.. entities.Select(e => (e.Id, e.Currency))], deferred);
    }
}
