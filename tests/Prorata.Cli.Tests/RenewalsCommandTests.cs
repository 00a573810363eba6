using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Cli.Insight;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>
/// `prorata metrics renewals` on its own SQLite file, on 2026-03-14. "Renew Test E3" costs 432.00 a year until 2026-03-31 and
/// 456.00 from 2026-04-01 (P1Y billed monthly), 43.20 a month on a monthly term; both contracts price at cost + 10 %.
/// Contoso: 10 seats P1M bought 2026-02-20 (renews 2026-03-20 at 47.52, no license data) and 200 seats P1Y bought 2025-04-15
/// (renews 2026-04-15 at 456.00 ÷ 12 × 1.1 = 41.80, 150 licenses assigned). Fabrikam: 4 seats P1M bought 2026-03-01 (renews
/// 2026-04-01 at 47.52, all 4 assigned).
/// </summary>
public sealed class RenewalsCommandTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
    private Guid _contosoContract;
    private Guid _contosoMonthly;

    public async Task InitializeAsync()
    {
        var now = _time.GetUtcNow();
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(_database.ConnectionString));
        await db.Database.MigrateAsync();
        db.PriceListVersions.Add(new PriceListVersion
        {
            Id = Guid.NewGuid(), Name = "renewals", ImportedAt = now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2025, 1, 1),
            Entries =
            [
                Row(TermDuration.P1Y, 432.00m, new(2025, 1, 1), new(2026, 3, 31)), Row(TermDuration.P1Y, 456.00m, new(2026, 4, 1), null),
                Row(TermDuration.P1M, 43.20m, new(2025, 1, 1), null),
            ],
        });
        var contoso = Contract(db, "Contoso Ltd", now);
        var fabrikam = Contract(db, "Fabrikam Ltd", now);
        _contosoContract = contoso.Id;
        _contosoMonthly = Bought(db, contoso, TermDuration.P1M, 10, new(2026, 2, 20, 10, 0, 0, TimeSpan.Zero)).Id;
        var annual = Bought(db, contoso, TermDuration.P1Y, 200, new(2025, 4, 15, 10, 0, 0, TimeSpan.Zero));
        var small = Bought(db, fabrikam, TermDuration.P1M, 4, new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        db.LicenseUsage.AddRange(Licenses(annual, "contoso-tenant", 150), Licenses(small, "fabrikam-tenant", 4));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Renewals_Within60_EveryRenewalWithItsPriceAndSuggestion()
    {
        var text = await RenewalsAsync("--within", "60");
        var next30 = await RenewalsAsync();

        Assert.Equal((0, "renewals after 2026-03-14 within 60 days\n"
            + "2026-03-20 Contoso Ltd, Renew Test E3 P1M monthly, renews at 47.52 USD a month: No license data: Partner Center has not reported who holds this SKU's licenses.\n"
            + "2026-04-01 Fabrikam Ltd, Renew Test E3 P1M monthly, renews at 47.52 USD a month: 4 purchased, 4 assigned: renew as is\n"
            + "2026-04-15 Contoso Ltd, Renew Test E3 P1Y monthly, renews at 41.80 USD a month: 200 purchased, 150 assigned: schedule 150 at renewal\n", ""), text);
        // Without --within: 30 days, up to 2026-04-13; the annual renewal of 04-15 is left out.
        Assert.Equal(3, next30.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("2026-04-15", next30.Output, StringComparison.Ordinal);
        Assert.StartsWith("renewals after 2026-03-14 within 30 days\n2026-03-20 Contoso Ltd,", next30.Output);
    }

    [Fact]
    public async Task Renewals_OneCustomerAsCsv_TheApisColumns()
    {
        var csv = await RenewalsAsync("--customer", "contoso ltd", "--within", "30", "--csv");

        Assert.Equal((0, "RenewsOn,Customer,ContractId,SubscriptionId,Subscription,ProductId,SkuId,Term,BillingPlan,SeatsPurchased,SeatsScheduled,SeatsAssigned,"
            + "LicensesReadAt,UnitPrice,Currency,Suggestion,SuggestedSeats,SuggestionText\r\n"
            + $"2026-03-20,Contoso Ltd,{_contosoContract},{_contosoMonthly},Renew Test E3,RENEW-E3,0001,P1M,monthly,10,,,,47.52,USD,noLicenseData,,"
            + "No license data: Partner Center has not reported who holds this SKU's licenses.\r\n", ""), csv);
    }

    [Fact]
    public async Task Renewals_BadArguments_Exit2NamingThem()
    {
        var window = await RenewalsAsync("--within", "45");
        var nobody = await RenewalsAsync("--customer", "Nobody");
        var stray = await RenewalsAsync("soon");

        Assert.Equal((2, "", "--within: within must be 30, 60 or 90 (days); got '45'.\n"), window);
        Assert.Equal((2, "", "--customer: no customer is named 'Nobody'.\n"), nobody);
        Assert.Equal((2, ""), (stray.Exit, stray.Output));
        Assert.StartsWith("unknown argument 'soon'\nusage: prorata metrics renewals", stray.Error);
    }

    private Task<(int Exit, string Output, string Error)> RenewalsAsync(params string[] args) =>
        CommandRun.RunAsync(MetricsCommand.RunAsync, _time, ["renewals", .. args, "--connection", _database.ConnectionString]);

    private static PriceListEntry Row(TermDuration term, decimal unitPrice, DateOnly from, DateOnly? to) => new()
    {
        ProductId = "RENEW-E3", SkuId = "0001", Title = "Renew Test E3", Term = term, BillingPlan = BillingPlan.Monthly, Market = "US", Currency = "USD",
        UnitPrice = unitPrice, ErpPrice = unitPrice * 1.2m, EffectiveFrom = from, EffectiveTo = to, Publisher = Publisher.Microsoft,
    };

    private static BillingContract Contract(ProrataDbContext db, string name, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "USD", BillingEmail = "ap@example.com", CreatedAt = now, UpdatedAt = now, Version = 1 };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "USD", BillingDay = 1, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New($"Entity {name}", now, "USD"),
            CreatedAt = now, UpdatedAt = now, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 10m }],
        };
        db.AddRange(customer, contract);
        return contract;
    }

    /// <summary>A purchase made long ago, logged through the change log's one writer as the fact it is.</summary>
    private static CustomerSubscription Bought(ProrataDbContext db, BillingContract contract, TermDuration term, int seats, DateTimeOffset at)
    {
        var subscription = new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = "RENEW-E3", SkuId = "0001", Title = "Renew Test E3", Term = term, BillingPlan = BillingPlan.Monthly,
            CreatedAt = at, UpdatedAt = at,
        };
        db.Subscriptions.Add(subscription);
        ChangeLog.Append(db, subscription, new LicenseChangeEntry
        {
            Type = SubscriptionEventType.Purchase, Quantity = seats, Enabled = true, At = at, RecordedAt = at, Actor = "tests", Source = ChangeSource.Staff,
        }, new SubscriptionSnapshot(SubscriptionStatus.Active, seats, true));
        return subscription;
    }

    private static LicenseUsage Licenses(CustomerSubscription subscription, string tenant, int assigned) => new()
    {
        SubscriptionId = subscription.Id, PartnerCenterCustomerId = tenant, LicenseSkuId = "05e9a617-0261-4cee-bb44-138d3ef5d965", SkuPartNumber = "SPE_E3",
        AssignedLicenses = assigned, TenantSeats = subscription.Quantity, ReadAt = new DateTimeOffset(2026, 3, 13, 6, 0, 0, TimeSpan.Zero),
    };
}
