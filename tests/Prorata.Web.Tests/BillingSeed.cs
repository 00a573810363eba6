using Prorata.Testing;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data;
using Prorata.Data.Catalog;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Domain.Catalog;

namespace Prorata.Web.Tests;

/// <summary>A customer with a USD contract and a price list of its own products, so billing tests do not depend on the demo data.</summary>
public static class BillingSeed
{
    public const string Product = "TEST-BASIC";
    public const string Sku = "0001";

    /// <summary>72.00 a year at cost (6.00 a month), +10 % for the customer: 6.60 per seat and month.</summary>
    public static async Task<Guid> ContractAsync(ProrataApp app, int billingDay)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProrataDbContext>();
        var now = app.Time.GetUtcNow();
        if (!db.PriceListEntries.Any(e => e.ProductId == Product))
        {
            db.PriceListVersions.Add(new PriceListVersion
            {
                Id = Guid.NewGuid(), Name = "web tests", ImportedAt = now, ImportedBy = "tests", EffectiveFrom = new DateOnly(2026, 1, 1),
                Entries =
                [
                    new PriceListEntry
                    {
                        ProductId = Product, SkuId = Sku, Title = "Test Basic", Term = TermDuration.P1Y, BillingPlan = BillingPlan.Monthly, Market = "US",
                        Currency = "USD", UnitPrice = 72m, ErpPrice = 86.4m, EffectiveFrom = new DateOnly(2026, 1, 1), Publisher = Publisher.Microsoft,
                    },
                ],
            });
        }
        var name = $"Billing Test {Guid.NewGuid():N}";
        var customer = new Customer { Id = Guid.NewGuid(), Name = name, Currency = "USD", BillingEmail = "ap@billing-test.example", CreatedAt = now, UpdatedAt = now, Version = 1,
            // Billing, not tax, is under test: an exempt customer's invoices carry no tax and raise no tax question.
            TaxExempt = true, TaxExemptionCertificate = "TEST-EXEMPT" };
        var contract = new BillingContract
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, Currency = "USD", BillingDay = billingDay, PaymentTermsDays = 30, LegalEntity = TestLegalEntities.New($"Entity {name}", now, "USD"),
            CreatedAt = now, UpdatedAt = now, Version = 1,
            PricingRules = [new ContractPricingRule { Position = 0, ProductId = "*", Method = PricingMethod.MarkupOnCost, Value = 10m }],
        };
        db.AddRange(customer, contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }
}
