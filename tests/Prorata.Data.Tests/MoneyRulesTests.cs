using Prorata.Testing;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Invoices;
using Prorata.Data.Subscriptions;
using InvoiceLineKind = Prorata.Domain.Billing.InvoiceLineKind;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;

namespace Prorata.Data.Tests;

/// <summary>
/// The database itself enforces the money rules: each test tries to break one with raw SQL, as a script or a bug
/// would, and the database refuses.
/// </summary>
public abstract class MoneyRulesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("UPDATE \"Invoices\" SET \"Total\" = 0 WHERE \"LegalEntityName\" = {0}")]
    [InlineData("UPDATE \"Invoices\" SET \"Status\" = 'Draft' WHERE \"LegalEntityName\" = {0}")]
    [InlineData("UPDATE \"Invoices\" SET \"Status\" = 'Void', \"Total\" = 1 WHERE \"LegalEntityName\" = {0}")]
    [InlineData("DELETE FROM \"Invoices\" WHERE \"LegalEntityName\" = {0}")]
    [InlineData("UPDATE \"InvoiceLines\" SET \"Amount\" = 0 WHERE \"InvoiceId\" IN (SELECT \"Id\" FROM \"Invoices\" WHERE \"LegalEntityName\" = {0})")]
    [InlineData("DELETE FROM \"InvoiceLines\" WHERE \"InvoiceId\" IN (SELECT \"Id\" FROM \"Invoices\" WHERE \"LegalEntityName\" = {0})")]
    public async Task IssuedInvoice_RawSqlChange_RefusedAndUnchanged(string sql)
    {
        var entity = $"Entity {Guid.NewGuid():N}";
        await SeedInvoiceAsync(entity, InvoiceStatus.Issued, "sub|2026-03-01|2026-03-31|2026-03-01|base|10");

        await using var db = NewContext();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql, entity));

        await using var check = NewContext();
        var invoice = await check.Invoices.Include(i => i.Lines).SingleAsync(i => i.LegalEntityName == entity);
        Assert.Equal((InvoiceStatus.Issued, 30m, 30m), (invoice.Status, invoice.Total, Assert.Single(invoice.Lines).Amount));
    }

    [Fact]
    public async Task IssuedInvoice_RawSqlInsertOfALine_Refused()
    {
        var entity = $"Entity {Guid.NewGuid():N}";
        await SeedInvoiceAsync(entity, InvoiceStatus.Issued, "sub|2026-03-01|2026-03-31|2026-03-01|base|10");

        await using var db = NewContext();
        var invoice = await db.Invoices.Include(i => i.Lines).SingleAsync(i => i.LegalEntityName == entity);
        invoice.Lines.Add(Line(invoice.Lines[0].SubscriptionId, "sub|2026-03-01|2026-03-31|2026-03-05|ev9|10"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task IssuedInvoice_VoidWithNothingElseChanged_Allowed()
    {
        var entity = $"Entity {Guid.NewGuid():N}";
        await SeedInvoiceAsync(entity, InvoiceStatus.Issued, "sub|2026-03-01|2026-03-31|2026-03-01|base|10");

        await using var db = NewContext();
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"Invoices\" SET \"Status\" = 'Void' WHERE \"LegalEntityName\" = {0}", entity);

        Assert.Equal(1, changed);
    }

    [Fact]
    public async Task DraftInvoice_RawSqlChangeAndDelete_Allowed()
    {
        var entity = $"Entity {Guid.NewGuid():N}";
        await SeedInvoiceAsync(entity, InvoiceStatus.Draft, "sub|2026-03-01|2026-03-31|2026-03-01|base|10");

        await using var db = NewContext();
        var lines = await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"InvoiceLines\" WHERE \"InvoiceId\" IN (SELECT \"Id\" FROM \"Invoices\" WHERE \"LegalEntityName\" = {0})", entity);
        var invoices = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Invoices\" WHERE \"LegalEntityName\" = {0}", entity);

        Assert.Equal((1, 1), (lines, invoices));
    }

    [Fact]
    public async Task Invoice_SecondForSameContractAndDate_RefusedByUniqueKey()
    {
        var entity = $"Entity {Guid.NewGuid():N}";
        var (contractId, _) = await SeedInvoiceAsync(entity, InvoiceStatus.Draft, "sub|2026-03-01|2026-03-31|2026-03-01|base|10");

        await using var db = NewContext();
        db.Invoices.Add(NewInvoice(contractId, entity, InvoiceStatus.Draft, await db.BillingContracts.Where(c => c.Id == contractId).Select(c => c.LegalEntityId).SingleAsync()));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task InvoiceLine_SameOriginTwiceInOneInvoice_RefusedByUniqueKey()
    {
        var entity = $"Entity {Guid.NewGuid():N}";
        const string origin = "sub|2026-03-01|2026-03-31|2026-03-01|base|10";

        var seeding = SeedInvoiceAsync(entity, InvoiceStatus.Draft, origin, origin);

        await Assert.ThrowsAsync<DbUpdateException>(() => seeding);
    }

    [Theory]
    [InlineData("UPDATE \"LicenseChangeLog\" SET \"Quantity\" = 1 WHERE \"Actor\" = {0}")]
    [InlineData("DELETE FROM \"LicenseChangeLog\" WHERE \"Actor\" = {0}")]
    public async Task ChangeLog_RawSqlUpdateOrDelete_Refused(string sql)
    {
        var actor = $"actor-{Guid.NewGuid():N}";
        await SeedInvoiceAsync($"Entity {actor}", InvoiceStatus.Draft, null, actorOfLog: actor);

        await using var db = NewContext();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql, actor));

        await using var check = NewContext();
        Assert.Equal(5, (await check.LicenseChangeLog.SingleAsync(e => e.Actor == actor)).Quantity);
    }

    [Fact]
    public async Task ChangeLog_SameSequenceTwice_RefusedByUniqueKey()
    {
        var actor = $"actor-{Guid.NewGuid():N}";
        var (_, subscriptionId) = await SeedInvoiceAsync($"Entity {actor}", InvoiceStatus.Draft, null, actorOfLog: actor);

        await using var db = NewContext();
        db.LicenseChangeLog.Add(LogEntry(subscriptionId, actor));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private ProrataDbContext NewContext() => new(ProrataDatabase.CreateOptions(ConnectionString));

    /// <summary>A customer, contract, subscription with one log entry, and an invoice of 30.00 per line, inserted as a draft then moved to <paramref name="status"/>.</summary>
    private async Task<(Guid ContractId, Guid SubscriptionId)> SeedInvoiceAsync(string entity, InvoiceStatus status, string? origin, string? secondOrigin = null, string actorOfLog = "seed")
    {
        await using var db = NewContext();
        var customer = new Customer
        {
            Id = Guid.NewGuid(), Name = entity, Currency = "EUR", BillingEmail = "b@example.com", CreatedAt = Noon, UpdatedAt = Noon, Version = 1,
        };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "EUR", BillingDay = 1, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New(entity, Noon),
            CreatedAt = Noon, UpdatedAt = Noon, Version = 1,
        };
        var subscription = new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = "CFQ7TTC0LH18", SkuId = "0001", Title = "Business Basic",
            Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Quantity = 5, AutoRenew = true, CreatedAt = Noon, UpdatedAt = Noon, ChangeCount = 1,
        };
        db.AddRange(customer, contract, subscription, LogEntry(subscription.Id, actorOfLog));
        if (origin is not null)
        {
            var invoice = NewInvoice(contract.Id, entity, InvoiceStatus.Draft, contract.LegalEntity!.Id);
            invoice.Lines.Add(Line(subscription.Id, origin));
            if (secondOrigin is not null)
            {
                invoice.Lines.Add(Line(subscription.Id, secondOrigin));
            }
            db.Invoices.Add(invoice);
        }
        await db.SaveChangesAsync();
        if (status != InvoiceStatus.Draft)
        {
            var invoice = await db.Invoices.SingleAsync(i => i.LegalEntityName == entity);
            invoice.Status = status;
            invoice.Number = 1;
            invoice.IssuedAt = Noon;
            await db.SaveChangesAsync();
        }
        return (contract.Id, subscription.Id);
    }

    private static CustomerInvoice NewInvoice(Guid contractId, string entity, InvoiceStatus status, Guid legalEntityId) => new()
    {
        Id = Guid.NewGuid(), ContractId = contractId, BillingDate = new DateOnly(2026, 3, 1), Status = status, LegalEntityName = entity, LegalEntityId = legalEntityId,
        Currency = "EUR", Total = 30m, CreatedAt = Noon,
    };

    private static CustomerInvoiceLine Line(Guid subscriptionId, string origin) => new()
    {
        SubscriptionId = subscriptionId, Kind = InvoiceLineKind.Recurring, PeriodStart = new DateOnly(2026, 3, 1), PeriodEnd = new DateOnly(2026, 3, 31),
        Quantity = 3, UnitPrice = 10m, Amount = 30m, Days = 31, PeriodDays = 31, ProductId = "CFQ7TTC0LH18", SkuId = "0001", Origin = origin,
    };

    private static LicenseChangeEntry LogEntry(Guid subscriptionId, string actor) => new()
    {
        SubscriptionId = subscriptionId, Sequence = 1, Type = SubscriptionEventType.Purchase, At = Noon, RecordedAt = Noon, Actor = actor,
        Source = ChangeSource.Staff, Quantity = 5, Enabled = true,
    };
}
