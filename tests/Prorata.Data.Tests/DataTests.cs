using Prorata.Testing;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Data.Tests;

/// <summary>The same tests on every provider: each derived class names its database.</summary>
public abstract class DataTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrations_OnEmptyDatabase_LeaveNothingPending()
    {
        await using var db = NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // The model and the provider's migrations agree: nobody changed an entity without adding a migration.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Contract_WithPricingRules_RoundTripsEveryFieldAndSixDecimals()
    {
        var customer = NewCustomer("Round Trip Ltd");
        var contract = NewContract(customer, billingDay: 28,
            new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 12.345678m },
            new ContractPricingRule { Position = 1, ProductId = "CFQ7TTC0LH18", SkuId = "0001", Method = PricingMethod.FixedPrice, Value = 5.2m });
        contract.RefundPolicy = RefundPolicy.None;
        contract.Alignment = ContractAlignment.Subscription;
        contract.InvoiceCadence = InvoiceCadence.Quarterly;
        await SaveAsync(customer, contract);

        await using var db = NewContext();
        var loaded = await db.BillingContracts.Include(c => c.Customer).SingleAsync(c => c.Id == contract.Id);

        Assert.Equal(("Round Trip Ltd", "EUR", 28, 45), (loaded.Customer!.Name, loaded.Currency, loaded.BillingDay, loaded.PaymentTermsDays));
        Assert.Equal((InvoiceCadence.Quarterly, RefundPolicy.None, ContractAlignment.Subscription), (loaded.InvoiceCadence, loaded.RefundPolicy, loaded.Alignment));
        Assert.Equal(Noon, loaded.CreatedAt);
        var rules = loaded.PricingRules.OrderBy(r => r.Position).Select(r => (r.ProductId, r.SkuId, r.Method, r.Value)).ToList();
        Assert.Equal([("*", null, PricingMethod.MarkupOnCost, 12.345678m), ("CFQ7TTC0LH18", "0001", PricingMethod.FixedPrice, 5.2m)], rules);
    }

    [Fact]
    public async Task Contract_ReplacingPricingRules_LeavesOnlyTheNewRules()
    {
        var customer = NewCustomer("Replace Rules Ltd");
        var contract = NewContract(customer, billingDay: 1,
            new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 10m },
            new ContractPricingRule { Position = 1, ProductId = "DZH318Z0BPS6", Method = PricingMethod.MarkupOnCost, Value = 8m });
        await SaveAsync(customer, contract);

        await using (var db = NewContext())
        {
            var tracked = await db.BillingContracts.SingleAsync(c => c.Id == contract.Id);
            tracked.PricingRules.Clear();
            tracked.PricingRules.Add(new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.DiscountOffErp, Value = 3m });
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var rule = Assert.Single((await check.BillingContracts.SingleAsync(c => c.Id == contract.Id)).PricingRules);
        Assert.Equal((PricingMethod.DiscountOffErp, 3m), (rule.Method, rule.Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(31)]
    public async Task Contract_BillingDayOutside1To28_RefusedByTheDatabase(int billingDay)
    {
        var customer = NewCustomer($"Check Constraint {billingDay}");
        await SaveAsync(customer);

        await using var db = NewContext();
        db.BillingContracts.Add(NewContract(customer, billingDay));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Customer_SameNameTwice_RefusedByUniqueIndex()
    {
        await SaveAsync(NewCustomer("Twin Ltd"));

        await using var db = NewContext();
        db.Customers.Add(NewCustomer("Twin Ltd"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Customers_FilteredAndOrderedByTimestamp_InTheDatabase()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var early = NewCustomer($"Early {tag}", Noon.AddDays(-1));
        var late = NewCustomer($"Late {tag}", Noon.AddDays(1));
        var middle = NewCustomer($"Middle {tag}", Noon.AddMinutes(1));
        await SaveAsync(early, late, middle);

        await using var db = NewContext();
        var names = await db.Customers
            .Where(c => c.Name.EndsWith(tag) && c.CreatedAt > Noon)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => c.Name)
            .ToListAsync();

        Assert.Equal([$"Late {tag}", $"Middle {tag}"], names);
    }

    [Fact]
    public async Task Customer_UpdatedFromAStaleVersion_ThrowsConcurrencyException()
    {
        var customer = NewCustomer("Stale Version Ltd");
        await SaveAsync(customer);

        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Customers.SingleAsync(c => c.Id == customer.Id);
        var b = await second.Customers.SingleAsync(c => c.Id == customer.Id);
        a.CreditHold = true;
        a.Version++;
        await first.SaveChangesAsync();
        b.BillingEmail = "late@stale.example";
        b.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private ProrataDbContext NewContext() => new(ProrataDatabase.CreateOptions(ConnectionString));

    private async Task SaveAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private static Customer NewCustomer(string name, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Currency = "EUR",
        BillingEmail = "billing@example.com",
        CreatedAt = createdAt ?? Noon,
        UpdatedAt = createdAt ?? Noon,
        Version = 1,
    };

    private static BillingContract NewContract(Customer customer, int billingDay, params ContractPricingRule[] rules) => new()
    {
        Id = Guid.NewGuid(),
        CustomerId = customer.Id,
        Currency = "EUR",
        BillingDay = billingDay,
        PaymentTermsDays = 45,
        LegalEntity = TestLegalEntities.New($"Northwind Cloud Services GmbH {Guid.NewGuid():N}", Noon),
        PricingRules = rules.ToList(),
        CreatedAt = Noon,
        UpdatedAt = Noon,
        Version = 1,
    };
}
