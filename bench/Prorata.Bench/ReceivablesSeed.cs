using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Receivables;
using Prorata.Domain.Contracts;
using Prorata.Domain.Receivables;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// Customers with one USD contract each and issued, unpaid invoices with their receivables rows (balance = total), written
/// through EF in large batches with change detection off. What each invoice is (due date, amount) and how each contract
/// collects (dunning policy, auto-charge) is the caller's.
/// </summary>
public static class ReceivablesSeed
{
    private const int Batch = 5_000;

    public sealed record ContractTerms(string RemindAfterDays, int? HoldAfterDays, bool AutoCharge);

    public sealed record SeededInvoice(Guid Id, Guid CustomerId, Guid ContractId, DateOnly Due, decimal Total);

    public sealed record Seeded(IReadOnlyList<Guid> Customers, IReadOnlyList<Guid> Contracts, IReadOnlyList<SeededInvoice> Invoices);

    /// <param name="invoices">For customer i, its invoices' due dates and totals (due dates distinct per customer).</param>
    public static async Task<Seeded> LoadAsync(string connectionString, int customerCount, Func<int, ContractTerms> terms,
        Func<int, IReadOnlyList<(DateOnly Due, decimal Total)>> invoices, DateTimeOffset at, CancellationToken ct)
    {
        var entity = TestLegalEntities.New("Bench Reseller Inc.", at, "USD");
        await using (var db = Open(connectionString))
        {
            db.LegalEntities.Add(entity);
            await db.SaveChangesAsync(ct);
        }
        var customers = Enumerable.Range(0, customerCount).Select(i => Guid.CreateVersion7(at.AddTicks(i))).ToList();
        var contracts = Enumerable.Range(0, customerCount).Select(i => Guid.CreateVersion7(at.AddTicks(i))).ToList();
        await InsertAsync(connectionString, customers.Select((id, i) => new Customer
        {
            Id = id, Name = $"Bench Customer {i:D6}", Currency = "USD", BillingEmail = $"ap{i}@bench.example", CreatedAt = at, UpdatedAt = at, Version = 1,
        }), ct);
        await InsertAsync(connectionString, contracts.Select((id, i) =>
        {
            var t = terms(i);
            return new BillingContract
            {
                Id = id, CustomerId = customers[i], Currency = "USD", BillingDay = 1, InvoiceCadence = InvoiceCadence.Monthly, PaymentTermsDays = 30,
                LegalEntityId = entity.Id, AutoCharge = t.AutoCharge, DunningRemindAfterDays = t.RemindAfterDays, DunningHoldAfterDays = t.HoldAfterDays,
                CreatedAt = at, UpdatedAt = at, Version = 1,
            };
        }), ct);

        var seeded = new List<SeededInvoice>();
        for (var i = 0; i < customerCount; i++)
            foreach (var (due, total) in invoices(i))
                seeded.Add(new SeededInvoice(Guid.CreateVersion7(at.AddTicks(seeded.Count)), customers[i], contracts[i], due, total));
        await InsertAsync(connectionString, seeded.Select((s, n) =>
        {
            var issued = new DateTimeOffset(s.Due.AddDays(-30).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            return new CustomerInvoice
            {
                Id = s.Id, ContractId = s.ContractId, BillingDate = s.Due.AddDays(-30), Kind = InvoiceKind.Invoice, Status = InvoiceStatus.Issued,
                LegalEntityId = entity.Id, LegalEntityName = entity.Name, Number = n + 1, NumberPrefix = "INV-", Currency = "USD",
                Subtotal = s.Total, Total = s.Total, DueDate = s.Due, CreatedAt = issued, IssuedAt = issued,
            };
        }), ct);
        await InsertAsync(connectionString, seeded.Select(s => new InvoiceReceivable
        {
            InvoiceId = s.Id, CustomerId = s.CustomerId, ContractId = s.ContractId, LegalEntityId = entity.Id, Currency = "USD",
            InvoiceDate = s.Due.AddDays(-30), DueDate = s.Due, Total = s.Total, Paid = 0, Balance = s.Total, Status = ReceivableStatus.Open, UpdatedAt = at,
        }), ct);
        return new Seeded(customers, contracts, seeded);
    }

    /// <summary>Adds the rows in batches of <see cref="Batch"/>, each in a fresh context (change detection off, nothing tracked between).</summary>
    public static async Task InsertAsync<T>(string connectionString, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        foreach (var chunk in rows.Chunk(Batch))
        {
            await using var db = Open(connectionString);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(ct);
        }
    }

    public static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        ProrataDatabase.EnsureSqliteFolder(connectionString);
        await using var db = Open(connectionString);
        await db.Database.MigrateAsync(ct);
        // As the app does on SQLite: write-ahead logging, so readers never wait for the writer.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Fresh statistics, as a database that has run for a while has.</summary>
    public static async Task AnalyzeAsync(string connectionString, CancellationToken ct)
    {
        await using var db = Open(connectionString);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
    }

    public static ProrataDbContext Open(string connectionString) => new(ProrataDatabase.CreateOptions(connectionString));

    /// <summary>A throwaway SQLite file in the temp folder; no pooling, so it can be deleted afterwards.</summary>
    public static string NewSqliteFile(string name) => Path.Combine(Path.GetTempPath(), $"prorata-bench-{name}-{Guid.NewGuid():N}.db");

    public static void DeleteSqlite(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
    }
}
