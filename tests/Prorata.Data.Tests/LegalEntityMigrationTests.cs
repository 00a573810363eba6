using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Outbox;
using Prorata.Data.Invoices;
using Prorata.Domain.LegalEntities;
using Prorata.Domain.Tax;
using Prorata.Testing;

namespace Prorata.Data.Tests;

/// <summary>
/// The migration that made legal entities records (issue 11), on a database whose contracts and invoices name their
/// legal entity in free text: every name becomes an entity, everything points at it, issued invoices keep their numbers
/// and totals, each entity's sequences continue where they stood, and the money guards still hold afterwards.
/// Each test migrates a database of its own.
/// </summary>
public abstract class LegalEntityMigrationTests : IAsyncLifetime
{
    private const string Before = "WorkItemDedupeKeyIndex";
    private const string Gmbh = "Northwind Cloud Services GmbH";
    private const string Inc = "Northwind Cloud Services Inc.";

    private static readonly DateTimeOffset Created = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset IncCreated = new(2026, 8, 13, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Issued = new(2026, 9, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly Guid Contoso = Guid.Parse("5b1f0c7e-1d2a-4c3b-8e4f-0a1b2c3d4e01");
    private static readonly Guid Fabrikam = Guid.Parse("5b1f0c7e-1d2a-4c3b-8e4f-0a1b2c3d4e02");
    private static readonly Guid ContosoEur = Guid.Parse("6c2a1d8f-2e3b-4d4c-9f50-1b2c3d4e5f01");
    private static readonly Guid FabrikamEur = Guid.Parse("6c2a1d8f-2e3b-4d4c-9f50-1b2c3d4e5f02");
    private static readonly Guid FabrikamUsd = Guid.Parse("6c2a1d8f-2e3b-4d4c-9f50-1b2c3d4e5f03");
    private static readonly Guid ContosoSeats = Guid.Parse("7d3b2e90-3f4c-4e5d-a061-2c3d4e5f6001");
    private static readonly Guid FabrikamSeats = Guid.Parse("7d3b2e90-3f4c-4e5d-a061-2c3d4e5f6002");
    private static readonly Guid FabrikamAzure = Guid.Parse("7d3b2e90-3f4c-4e5d-a061-2c3d4e5f6003");
    private static readonly Guid GmbhInvoice1 = Guid.Parse("8e4c3fa1-4051-4f6e-b172-3d4e5f607001");
    private static readonly Guid GmbhInvoice2 = Guid.Parse("8e4c3fa1-4051-4f6e-b172-3d4e5f607002");
    private static readonly Guid GmbhCreditNote3 = Guid.Parse("8e4c3fa1-4051-4f6e-b172-3d4e5f607003");
    private static readonly Guid IncInvoice1 = Guid.Parse("8e4c3fa1-4051-4f6e-b172-3d4e5f607004");
    private static readonly Guid GmbhDraft = Guid.Parse("8e4c3fa1-4051-4f6e-b172-3d4e5f607005");

    protected abstract IAsyncLifetime Database { get; }

    protected abstract string ConnectionString { get; }

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    [Fact]
    public async Task Migrate_NamesInFreeText_BecomeLegalEntitiesThatContractsAndInvoicesPointAt()
    {
        await MigrateWithOldDataAsync();

        await using var db = NewContext();
        var entities = await db.LegalEntities.AsNoTracking().OrderBy(e => e.Name).ToListAsync();
        Assert.Equal(
            [(Gmbh, "EUR", "INV-", "CN-", 30, true, Created, Created), (Inc, "USD", "INV-", "CN-", 30, true, IncCreated, IncCreated)],
            entities.Select(e => (e.Name, e.Currency, e.InvoicePrefix, e.CreditNotePrefix, e.DefaultPaymentTermsDays, LegalEntityRules.CannotIssue(e.Name, e.Address) is not null, e.CreatedAt, e.UpdatedAt))
                .ToList());
        Assert.All(entities, e => Assert.Equal(
            (null, null, null, null, null, null, null, TaxProviderKind.BuiltIn),
            (e.AddressLine1, e.AddressLine2, e.City, e.PostalCode, e.Region, e.Country, e.TaxId, e.TaxProvider)));
        var nameOf = entities.ToDictionary(e => e.Id, e => e.Name);

        var contracts = await db.BillingContracts.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LegalEntityId);
        Assert.Equal((3, Gmbh, Gmbh, Inc), (contracts.Count, nameOf[contracts[ContosoEur]], nameOf[contracts[FabrikamEur]], nameOf[contracts[FabrikamUsd]]));

        var invoices = await db.Invoices.AsNoTracking().ToDictionaryAsync(i => i.Id);
        Assert.Equal(
            [
                (Gmbh, Gmbh, InvoiceStatus.Credited, 1L, "INV-", "INV-000001", 30m, 0m, 30m, (TaxTreatment?)null),
                (Gmbh, Gmbh, InvoiceStatus.Issued, 2L, "INV-", "INV-000002", 45m, 0m, 45m, null),
                (Gmbh, Gmbh, InvoiceStatus.Issued, 3L, "CN-", "CN-000003", -30m, 0m, -30m, null),
                (Inc, Inc, InvoiceStatus.Issued, 1L, "INV-", "INV-000001", 100m, 0m, 100m, null),
                (Gmbh, Gmbh, InvoiceStatus.Draft, (long?)null, null, null, 30m, 0m, 30m, null),
            ],
            new[] { GmbhInvoice1, GmbhInvoice2, GmbhCreditNote3, IncInvoice1, GmbhDraft }.Select(id => invoices[id])
                .Select(i => (nameOf[i.LegalEntityId], i.LegalEntityName, i.Status, i.Number, i.NumberPrefix, i.DisplayNumber, i.Subtotal, i.TaxTotal, i.Total, i.TaxTreatment))
                .ToList());
        Assert.Equal(5, invoices.Count);

        var sequences = await db.DocumentNumberSequences.AsNoTracking().ToListAsync();
        Assert.Equal(
            [(Gmbh, InvoiceKind.CreditNote, 3L), (Gmbh, InvoiceKind.Invoice, 3L), (Inc, InvoiceKind.Invoice, 1L)],
            sequences.Select(s => (nameOf[s.LegalEntityId], s.Kind, s.LastNumber)).OrderBy(s => s.Item1).ThenBy(s => s.Kind.ToString()).ToList());
    }

    [Fact]
    public async Task Migrate_ThenIssueAndCredit_EachSequenceContinuesWhereItStood()
    {
        await MigrateWithOldDataAsync();

        await using (var db = NewContext())
        {
            var gmbh = await db.LegalEntities.SingleAsync(e => e.Name == Gmbh);
            gmbh.SetAddress(TestLegalEntities.Address);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var lifecycle = new InvoiceLifecycle(db, new FakeTimeProvider(Later), Options.Create(new SmtpOptions()), new OutboxSignal());
            var issued = await lifecycle.IssueAsync(GmbhDraft, CancellationToken.None);
            var note = await lifecycle.CreditAsync(GmbhInvoice2, null, CancellationToken.None);

            Assert.Equal(
                (InvoiceStatus.Issued, 4L, "INV-000004", InvoiceKind.CreditNote, 4L, "CN-000004", (Guid?)GmbhInvoice2),
                (issued.Invoice?.Status, issued.Invoice?.Number, issued.Invoice?.DisplayNumber, note.Invoice?.Kind, note.Invoice?.Number, note.Invoice?.DisplayNumber, note.Invoice?.CreditedInvoiceId));
        }

        await using var check = NewContext();
        var inc = await check.LegalEntities.Where(e => e.Name == Inc).Select(e => e.Id).SingleAsync();
        Assert.Equal(
            (InvoiceStatus.Credited, 2L, 1L),
            (await check.Invoices.Where(i => i.Id == GmbhInvoice2).Select(i => i.Status).SingleAsync(),
                await InvoiceNumbers.NextAsync(check, inc, InvoiceKind.Invoice, CancellationToken.None),
                await InvoiceNumbers.NextAsync(check, inc, InvoiceKind.CreditNote, CancellationToken.None)));
    }

    [Theory]
    [InlineData("UPDATE \"Invoices\" SET \"Total\" = 0 WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"Invoices\" SET \"TaxTotal\" = 19 WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"Invoices\" SET \"NumberPrefix\" = 'X-' WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"Invoices\" SET \"Status\" = 'Void', \"Subtotal\" = 0 WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"InvoiceLines\" SET \"Amount\" = 0 WHERE \"InvoiceId\" = {0}")]
    [InlineData("UPDATE \"InvoiceLines\" SET \"Tax\" = 19 WHERE \"InvoiceId\" = {0}")]
    [InlineData("DELETE FROM \"InvoiceLines\" WHERE \"InvoiceId\" = {0}")]
    [InlineData("DELETE FROM \"Invoices\" WHERE \"Id\" = {0}")]
    public async Task Migrate_ThenRawSqlChangeOfAnIssuedInvoice_RefusedAndUnchanged(string sql)
    {
        await MigrateWithOldDataAsync();

        await using (var db = NewContext())
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql, Key(db, IncInvoice1)));
            Assert.Contains(ImmutabilityTriggers.Message, refused.Message);
        }

        await using var check = NewContext();
        var invoice = await check.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == IncInvoice1);
        var line = Assert.Single(invoice.Lines);
        Assert.Equal(
            (InvoiceStatus.Issued, 100m, 0m, 100m, "INV-", 100m, 0m),
            (invoice.Status, invoice.Subtotal, invoice.TaxTotal, invoice.Total, invoice.NumberPrefix, line.Amount, line.Tax));
    }

    [Fact]
    public async Task Migrate_ThenVoidAnIssuedInvoiceWithNothingElseChanged_Allowed()
    {
        await MigrateWithOldDataAsync();

        await using var db = NewContext();
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"Invoices\" SET \"Status\" = 'Void' WHERE \"Id\" = {0}", Key(db, IncInvoice1));

        Assert.Equal((1, InvoiceStatus.Void), (changed, await db.Invoices.Where(i => i.Id == IncInvoice1).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Migrate_NoOldData_NoLegalEntitiesAndNothingPending()
    {
        await using (var db = NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            await db.Database.MigrateAsync();
        }

        await using var check = NewContext();
        Assert.Equal(
            (0, 0, 0, 0),
            (await check.LegalEntities.CountAsync(), await check.DocumentNumberSequences.CountAsync(), await check.Invoices.CountAsync(), (await check.Database.GetPendingMigrationsAsync()).Count()));
    }

    /// <summary>
    /// Migrates to the schema before legal entities were records, writes rows of that shape (the GmbH's invoices 1 and 2
    /// and its credit note 3 in one shared sequence, the Inc.'s invoice 1, a draft), and migrates to the latest.
    /// </summary>
    private async Task MigrateWithOldDataAsync()
    {
        await using var db = NewContext();
        await db.GetService<IMigrator>().MigrateAsync(Before);

        await InsertCustomerAsync(db, Contoso, "Contoso Ltd", "EUR");
        await InsertCustomerAsync(db, Fabrikam, "Fabrikam Inc", "USD");
        await InsertContractAsync(db, FabrikamUsd, Fabrikam, "USD", Inc, IncCreated);
        await InsertContractAsync(db, ContosoEur, Contoso, "EUR", Gmbh, Created);
        await InsertContractAsync(db, FabrikamEur, Fabrikam, "EUR", Gmbh, IncCreated);
        await InsertSubscriptionAsync(db, ContosoSeats, ContosoEur);
        await InsertSubscriptionAsync(db, FabrikamSeats, FabrikamEur);
        await InsertSubscriptionAsync(db, FabrikamAzure, FabrikamUsd);

        await InsertInvoiceAsync(db, new(GmbhInvoice1, ContosoEur, ContosoSeats, new(2026, 9, 1), "Invoice", null, Gmbh, 1, "EUR", 30m, "Credited"));
        await InsertInvoiceAsync(db, new(GmbhInvoice2, FabrikamEur, FabrikamSeats, new(2026, 9, 1), "Invoice", null, Gmbh, 2, "EUR", 45m, "Issued"));
        await InsertInvoiceAsync(db, new(GmbhCreditNote3, ContosoEur, ContosoSeats, new(2026, 9, 15), "CreditNote", GmbhInvoice1, Gmbh, 3, "EUR", -30m, "Issued"));
        await InsertInvoiceAsync(db, new(IncInvoice1, FabrikamUsd, FabrikamAzure, new(2026, 9, 1), "Invoice", null, Inc, 1, "USD", 100m, "Issued"));
        await InsertInvoiceAsync(db, new(GmbhDraft, ContosoEur, ContosoSeats, new(2026, 10, 1), "Invoice", null, Gmbh, null, "EUR", 30m, "Draft"));
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "InvoiceNumberSequences" ("LegalEntityName", "LastNumber") VALUES ({Gmbh}, 3), ({Inc}, 1)""");

        await db.Database.MigrateAsync();
    }

    private static Task InsertCustomerAsync(ProrataDbContext db, Guid id, string name, string currency) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "Customers" ("Id", "Name", "Currency", "BillingEmail", "CreditHold", "ParentCustomerId", "CreatedAt", "UpdatedAt", "Version")
        VALUES ({Key(db, id)}, {name}, {currency}, 'billing@example.com', {false}, NULL, {At(db, Created)}, {At(db, Created)}, 1)
        """);

    private static Task InsertContractAsync(ProrataDbContext db, Guid id, Guid customerId, string currency, string legalEntityName, DateTimeOffset createdAt) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "BillingContracts" ("Id", "CustomerId", "Currency", "BillingDay", "InvoiceCadence", "StartDate", "PaymentTermsDays", "RefundPolicy", "Alignment", "LegalEntityName", "CreatedAt", "UpdatedAt", "Version")
        VALUES ({Key(db, id)}, {Key(db, customerId)}, {currency}, 1, 'Monthly', NULL, 30, 'Prorated', 'Contract', {legalEntityName}, {At(db, createdAt)}, {At(db, createdAt)}, 1)
        """);

    private static Task InsertSubscriptionAsync(ProrataDbContext db, Guid id, Guid contractId) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "Subscriptions" ("Id", "ContractId", "ProductId", "SkuId", "Title", "Term", "BillingPlan", "Quantity", "AutoRenew", "AlignToCalendarMonth", "ChangeCount", "ParentId", "Provisioning", "Status", "CreatedAt", "UpdatedAt")
        VALUES ({Key(db, id)}, {Key(db, contractId)}, 'CFQ7TTC0LH18', '0001', 'Microsoft 365 Business Basic', 'P1Y', 'Monthly', 5, {true}, {false}, 1, NULL, 'Provisioned', 'Active', {At(db, Created)}, {At(db, Created)})
        """);

    /// <summary>
    /// An invoice of one line as the old schema stored it: inserted as a draft (the guard refuses lines of an issued
    /// invoice) and then moved to its status, as issuing did.
    /// </summary>
    private static async Task InsertInvoiceAsync(ProrataDbContext db, OldInvoice invoice)
    {
        var issuedAt = invoice.Status == "Draft" ? null : At(db, Issued);
        var dueDate = invoice.Status == "Draft" ? (DateOnly?)null : invoice.BillingDate.AddDays(30);
        var creditedId = invoice.CreditedInvoiceId is { } credited ? Key(db, credited) : null;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Invoices" ("Id", "ContractId", "BillingDate", "Kind", "CreditedInvoiceId", "Status", "LegalEntityName", "Number", "Currency", "Total", "DueDate", "CreatedAt", "IssuedAt")
            VALUES ({Key(db, invoice.Id)}, {Key(db, invoice.ContractId)}, {invoice.BillingDate}, {invoice.Kind}, {creditedId}, 'Draft', {invoice.LegalEntityName}, {invoice.Number},
                    {invoice.Currency}, {invoice.Total}, {dueDate}, {At(db, Issued.AddDays(-1))}, {issuedAt})
            """);
        var quantity = invoice.Total < 0 ? -1m : 1m;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "InvoiceLines" ("InvoiceId", "Position", "SubscriptionId", "Kind", "PeriodStart", "PeriodEnd", "Quantity", "UnitPrice", "Amount", "Days", "PeriodDays", "ProductId", "SkuId", "Origin")
            VALUES ({Key(db, invoice.Id)}, 0, {Key(db, invoice.SubscriptionId)}, 'Recurring', {invoice.BillingDate}, {invoice.BillingDate.AddMonths(1).AddDays(-1)}, {quantity}, {invoice.Total * quantity}, {invoice.Total},
                    30, 30, 'CFQ7TTC0LH18', '0001', {$"{invoice.SubscriptionId}|{invoice.BillingDate:yyyy-MM-dd}|base"})
            """);
        if (invoice.Status != "Draft")
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Invoices" SET "Status" = {invoice.Status} WHERE "Id" = {Key(db, invoice.Id)}""");
        }
    }

    /// <summary>SQLite keeps a Guid as upper-case text and a timestamp as DateTimeOffset's binary form; PostgreSQL takes both as they are.</summary>
    private static object Key(ProrataDbContext db, Guid id) => db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;

    private static object At(ProrataDbContext db, DateTimeOffset at) => db.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)! : at;

    private ProrataDbContext NewContext() => new(ProrataDatabase.CreateOptions(ConnectionString));

    private sealed record OldInvoice(
        Guid Id, Guid ContractId, Guid SubscriptionId, DateOnly BillingDate, string Kind, Guid? CreditedInvoiceId, string LegalEntityName, long? Number,
        string Currency, decimal Total, string Status);
}
