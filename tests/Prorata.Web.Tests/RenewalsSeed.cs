using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// A customer whose subscriptions renew around the test clock (2026-03-14): "Renew Test E3" costs 432.00 a year until
/// 2026-03-31 and 456.00 from 2026-04-01 (P1Y billed monthly; ERP +20 %), 43.20 a month on a monthly term; the contract
/// prices at cost + 10 %. Its purchases are history (facts logged months ago), and the licenses as Partner Center reported
/// them on 2026-03-13 06:00: SKU "lic-a" held by A alone (150 assigned), SKU "lic-b" held by B and E (25 assigned).
/// </summary>
public sealed record RenewalsSeed(Guid CustomerId, string CustomerName, Guid ContractId, Guid A, Guid B, Guid C, Guid D, Guid E)
{
    public const string Product = "RENEW-E3";
    public const string Sku = "0001";
    public const string Title = "Renew Test E3";
    public static readonly DateTimeOffset LicensesReadAt = new(2026, 3, 13, 6, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A: 200 seats P1Y bought 2025-04-15, renews 2026-04-15. B: 10 seats P1M bought 2026-02-20, renews 2026-03-20. C: 5
    /// seats P1Y bought 2025-05-20, renews 2026-05-20, no license data. D: P1Y with auto-renew off (ends, is not listed).
    /// E: 20 seats P1Y bought 2025-09-01, renews 2026-09-01 (beyond 90 days), sharing B's SKU.
    /// </summary>
    public static async Task<RenewalsSeed> CreateAsync(InvoicingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var now = app.Time.GetUtcNow();
        if (!db.PriceListEntries.Any(e => e.ProductId == Product))
        {
            db.PriceListVersions.Add(new PriceListVersion
            {
                Id = Guid.NewGuid(), Name = "renewals tests", ImportedAt = now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2025, 1, 1),
                Entries =
                [
                    Row(TermDuration.P1Y, 432.00m, 518.40m, new(2025, 1, 1), new(2026, 3, 31)),
                    Row(TermDuration.P1Y, 456.00m, 547.20m, new(2026, 4, 1), null),
                    Row(TermDuration.P1M, 43.20m, 51.84m, new(2025, 1, 1), null),
                ],
            });
        }
        var (customer, contract) = NewContract(db, now);
        var name = customer.Name;
        var a = Bought(db, contract, TermDuration.P1Y, 200, true, new(2025, 4, 15, 10, 0, 0, TimeSpan.Zero));
        var b = Bought(db, contract, TermDuration.P1M, 10, true, new(2026, 2, 20, 10, 0, 0, TimeSpan.Zero));
        var c = Bought(db, contract, TermDuration.P1Y, 5, true, new(2025, 5, 20, 10, 0, 0, TimeSpan.Zero));
        var d = Bought(db, contract, TermDuration.P1Y, 3, false, new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero));
        var e = Bought(db, contract, TermDuration.P1Y, 20, true, new(2025, 9, 1, 10, 0, 0, TimeSpan.Zero));
        var tenant = $"tenant-{Guid.NewGuid():N}";
        db.LicenseUsage.AddRange(
            Licenses(a, tenant, "lic-a", 150, 200),
            Licenses(b, tenant, "lic-b", 25, 30),
            Licenses(e, tenant, "lic-b", 25, 30));
        await db.SaveChangesAsync();
        return new RenewalsSeed(customer.Id, name, contract.Id, a.Id, b.Id, c.Id, d.Id, e.Id);
    }

    /// <summary>A USD customer (tax exempt: billing, not tax, is under test) and its contract, priced at cost + 10 %, added to <paramref name="db"/>.</summary>
    public static (Customer Customer, BillingContract Contract) NewContract(ProrataDbContext db, DateTimeOffset now)
    {
        var name = $"Renewals {Guid.NewGuid():N}";
        var customer = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "USD", BillingEmail = "ap@renewals.example", CreatedAt = now, UpdatedAt = now, Version = 1,
            TaxExempt = true, TaxExemptionCertificate = "TEST-EXEMPT" };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "USD", BillingDay = 1, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New($"Entity {name}", now, "USD"),
            CreatedAt = now, UpdatedAt = now, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 10m }],
        };
        db.AddRange(customer, contract);
        return (customer, contract);
    }

    private static PriceListEntry Row(TermDuration term, decimal unitPrice, decimal erp, DateOnly from, DateOnly? to) => new()
    {
        ProductId = Product, SkuId = Sku, Title = Title, Term = term, BillingPlan = BillingPlan.Monthly, Market = "US", Currency = "USD", UnitPrice = unitPrice,
        ErpPrice = erp, EffectiveFrom = from, EffectiveTo = to, Publisher = Publisher.Microsoft,
    };

    /// <summary>A purchase made long ago, logged through the change log's one writer as the fact it is.</summary>
    private static CustomerSubscription Bought(ProrataDbContext db, BillingContract contract, TermDuration term, int seats, bool autoRenew, DateTimeOffset at)
    {
        var subscription = new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = Product, SkuId = Sku, Title = Title, Term = term, BillingPlan = BillingPlan.Monthly,
            CreatedAt = at, UpdatedAt = at,
        };
        db.Subscriptions.Add(subscription);
        ChangeLog.Append(db, subscription, new LicenseChangeEntry
        {
            Type = SubscriptionEventType.Purchase, Quantity = seats, Enabled = autoRenew, At = at, RecordedAt = at, Actor = "tests", Source = ChangeSource.Staff,
        }, new SubscriptionSnapshot(SubscriptionStatus.Active, seats, autoRenew));
        return subscription;
    }

    private static LicenseUsage Licenses(CustomerSubscription subscription, string tenant, string sku, int assigned, int seats) => new()
    {
        SubscriptionId = subscription.Id, PartnerCenterCustomerId = tenant, LicenseSkuId = sku, SkuPartNumber = "SPE_E3", AssignedLicenses = assigned,
        TenantSeats = seats, ReadAt = LicensesReadAt,
    };
}
