using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Subscriptions;
using Prorata.Domain.Catalog;
using Prorata.Domain.Subscriptions;
using Prorata.Testing;

namespace Prorata.Web.Tests;

/// <summary>
/// A book for MRR per product and legal entity, its history logged months before the test clock (2026-03-14) as facts.
/// Two P1Y products billed monthly, in USD and EUR rows at the same prices: "Mrr Test Seats" 240.00 a year (cost 20.00
/// a month) and "Mrr Test Add-on" 120.00 a year (cost 10.00); every contract prices at cost + 25 %: 25.00 and 12.50 a seat
/// and month. Entity X: C1's USD contract — 10 Seats on 2025-11-10, 4 Add-ons on 2025-12-10, Seats down to 6 on
/// 2026-01-10, the Add-ons cancelled on 2026-02-05 — and C2's EUR contract — 2 Seats and an Azure plan on 2025-12-20, the
/// plan's usage of January (cost 80.00 + 20.00, retail 125.00) logged 2026-02-03 and of February (cost 8.00) logged
/// 2026-03-02. Entity Y: C3's USD contract, 1 Seat on 2026-01-15.
/// </summary>
public sealed record MrrSeed(Guid X, string XName, Guid Y, string YName, Guid C1, string C1Name, Guid C1Usd, Guid C2Eur, Guid C3Usd)
{
    public const string Seats = "MRR-SEATS";
    public const string AddOn = "MRR-ADDON";

    public static async Task<MrrSeed> CreateAsync(InvoicingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var now = app.Time.GetUtcNow();
        if (!db.PriceListEntries.Any(e => e.ProductId == Seats))
        {
            db.PriceListVersions.Add(new PriceListVersion
            {
                Id = Guid.NewGuid(), Name = "mrr tests", ImportedAt = now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2025, 1, 1),
                Entries = [Row(Seats, "Mrr Test Seats", 240.00m, "USD"), Row(Seats, "Mrr Test Seats", 240.00m, "EUR"),
                    Row(AddOn, "Mrr Test Add-on", 120.00m, "USD"), Row(AddOn, "Mrr Test Add-on", 120.00m, "EUR")],
            });
        }
        var x = TestLegalEntities.New($"Mrr Test X {Guid.NewGuid():N}", now, "USD");
        var y = TestLegalEntities.New($"Mrr Test Y {Guid.NewGuid():N}", now, "USD");
        var c1 = Contract(db, x, "USD", now);
        var c2 = Contract(db, x, "EUR", now);
        var c3 = Contract(db, y, "USD", now);

        var seats = Bought(db, c1, Seats, 10, At(2025, 11, 10));
        var addOns = Bought(db, c1, AddOn, 4, At(2025, 12, 10));
        Log(db, seats, SubscriptionEventType.SetQuantity, At(2026, 1, 10), new SubscriptionSnapshot(null, 6, null), quantity: 6);
        Log(db, addOns, SubscriptionEventType.Cancel, At(2026, 2, 5), new SubscriptionSnapshot(SubscriptionStatus.Cancelled, null, null));
        Bought(db, c2, Seats, 2, At(2025, 12, 20));
        var plan = Bought(db, c2, "AZURE-PLAN", 1, At(2025, 12, 20));
        Usage(db, plan, new DateOnly(2026, 1, 5), 80.00m, 100.00m, At(2026, 2, 3));
        Usage(db, plan, new DateOnly(2026, 1, 20), 20.00m, 25.00m, At(2026, 2, 3));
        Usage(db, plan, new DateOnly(2026, 2, 10), 8.00m, 10.00m, At(2026, 3, 2));
        Bought(db, c3, Seats, 1, At(2026, 1, 15));
        await db.SaveChangesAsync();
        return new MrrSeed(x.Id, x.Name, y.Id, y.Name, c1.CustomerId, c1.Customer!.Name, c1.Id, c2.Id, c3.Id);
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private static PriceListEntry Row(string product, string title, decimal unitPrice, string currency) => new()
    {
        ProductId = product, SkuId = "0001", Title = title, Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = currency == "EUR" ? "DE" : "US",
        Currency = currency, UnitPrice = unitPrice, ErpPrice = unitPrice * 1.2m, EffectiveFrom = new DateOnly(2025, 1, 1), Publisher = Publisher.Microsoft,
    };

    private static BillingContract Contract(ProrataDbContext db, Prorata.Data.LegalEntities.LegalEntity entity, string currency, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.NewGuid(), Name = $"Mrr {currency} {Guid.NewGuid():N}", Currency = currency, BillingEmail = "ap@mrr.example",
            CreatedAt = now, UpdatedAt = now, Version = 1, TaxExempt = true, TaxExemptionCertificate = "TEST-EXEMPT" };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Customer = customer, Currency = currency, BillingDay = 1, PaymentTermsDays = 30, LegalEntity = entity,
            CreatedAt = now, UpdatedAt = now, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 25m }],
        };
        db.AddRange(customer, contract);
        return contract;
    }

    private static CustomerSubscription Bought(ProrataDbContext db, BillingContract contract, string product, int seats, DateTimeOffset at)
    {
        var plan = product == "AZURE-PLAN";
        var subscription = new CustomerSubscription
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, ProductId = product, SkuId = "0001", Title = product, Term = plan ? null : TermDuration.P1Y,
            BillingPlan = plan ? null : BillingPlan.Monthly, CreatedAt = at, UpdatedAt = at,
        };
        db.Subscriptions.Add(subscription);
        Log(db, subscription, SubscriptionEventType.Purchase, at, new SubscriptionSnapshot(SubscriptionStatus.Active, seats, true), quantity: seats, enabled: true);
        return subscription;
    }

    private static void Log(ProrataDbContext db, CustomerSubscription subscription, SubscriptionEventType type, DateTimeOffset at, SubscriptionSnapshot? snapshot,
        int? quantity = null, bool? enabled = null) =>
        ChangeLog.Append(db, subscription, new LicenseChangeEntry
        {
            Type = type, Quantity = quantity, Enabled = enabled, At = at, RecordedAt = at, Actor = "tests", Source = ChangeSource.Staff,
        }, snapshot);

    private static void Usage(ProrataDbContext db, CustomerSubscription plan, DateOnly day, decimal cost, decimal retail, DateTimeOffset at) =>
        ChangeLog.Append(db, plan, new LicenseChangeEntry
        {
            Type = SubscriptionEventType.Usage, At = at, RecordedAt = at, Actor = "tests", Source = ChangeSource.UsageFile, UsageDate = day, Meter = "compute",
            Cost = cost, Retail = retail,
        }, null);
}
