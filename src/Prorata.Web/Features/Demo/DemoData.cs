using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Demo;

/// <summary>
/// A demo partner, Northwind Cloud Services, invoicing from three legal entities (US, DE, UK) in USD, EUR and GBP,
/// so a fresh install has something real-looking on every page. Product ids are Partner Center's (CFQ7TTC0LH18
/// Microsoft 365 Business Basic, CFQ7TTC0LCHC Business Premium, CFQ7TTC0LFLZ Microsoft 365 E3, DZH318Z0BPS6 Azure plan).
/// Later features add their demo rows (subscriptions, invoices) in <see cref="SeedAsync"/> after the contracts.
/// </summary>
public static class DemoData
{
    public const string LegalEntityUs = "Northwind Cloud Services Inc.";
    public const string LegalEntityDe = "Northwind Cloud Services GmbH";
    public const string LegalEntityUk = "Northwind Cloud Services Ltd";

    private const string BusinessBasic = "CFQ7TTC0LH18";
    private const string BusinessPremium = "CFQ7TTC0LCHC";
    private const string Microsoft365E3 = "CFQ7TTC0LFLZ";
    private const string AzurePlan = "DZH318Z0BPS6";

    public static async Task SeedAsync(ProrataDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var contoso = Customer(now, "Contoso Ltd", "USD", "ap@contoso.example");
        var contosoEurope = Customer(now, "Contoso Europe GmbH", "EUR", "rechnungen@contoso-europe.example", parent: contoso);
        var fabrikam = Customer(now, "Fabrikam UK Ltd", "GBP", "accounts.payable@fabrikam.example");
        var adatum = Customer(now, "Adatum Corporation", "USD", "billing@adatum.example", creditHold: true);
        var tailspin = Customer(now, "Tailspin Toys BV", "EUR", "finance@tailspintoys.example");
        db.Customers.AddRange(contoso, contosoEurope, fabrikam, adatum, tailspin);

        db.BillingContracts.AddRange(
            Contract(now, contoso, "USD", LegalEntityUs, billingDay: 1, InvoiceCadence.Monthly, paymentTermsDays: 30,
                Rule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 12m),
                Rule(Microsoft365E3, null, PricingMethod.DiscountOffErp, 5m),
                Rule(AzurePlan, null, PricingMethod.MarkupOnCost, 8m)),
            Contract(now, contosoEurope, "EUR", LegalEntityDe, billingDay: 15, InvoiceCadence.Quarterly, paymentTermsDays: 45,
                Rule(PricingRule.AnyProduct, null, PricingMethod.DiscountOffErp, 3m),
                Rule(AzurePlan, null, PricingMethod.MarkupOnCost, 10m)),
            // Fabrikam buys annual terms and gets no credit for decreases: its periods follow Microsoft's cycles.
            WithPolicy(Contract(now, fabrikam, "GBP", LegalEntityUk, billingDay: 1, InvoiceCadence.Annual, paymentTermsDays: 30,
                Rule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 15m),
                Rule(BusinessBasic, "0001", PricingMethod.FixedPrice, 5.20m)), RefundPolicy.None, ContractAlignment.Subscription),
            Contract(now, adatum, "USD", LegalEntityUs, billingDay: 10, InvoiceCadence.Monthly, paymentTermsDays: 15,
                Rule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 10m),
                Rule(BusinessPremium, null, PricingMethod.DiscountOffErp, 2.5m)),
            Contract(now, tailspin, "EUR", LegalEntityDe, billingDay: 28, InvoiceCadence.Monthly, paymentTermsDays: 30,
                Rule(PricingRule.AnyProduct, null, PricingMethod.DiscountOffErp, 4m)));

        await db.SaveChangesAsync(cancellationToken);
        await DemoHistory.SeedAsync(db, time, cancellationToken);
    }

    private static Customer Customer(DateTimeOffset now, string name, string currency, string email, Customer? parent = null, bool creditHold = false) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Currency = currency,
            BillingEmail = email,
            ParentCustomerId = parent?.Id,
            CreditHold = creditHold,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

    private static BillingContract Contract(
        DateTimeOffset now, Customer customer, string currency, string legalEntity, int billingDay, InvoiceCadence cadence,
        int paymentTermsDays, params PricingRule[] rules) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customer.Id,
            Currency = currency,
            LegalEntityName = legalEntity,
            BillingDay = billingDay,
            InvoiceCadence = cadence,
            PaymentTermsDays = paymentTermsDays,
            RefundPolicy = RefundPolicy.Prorated,
            Alignment = ContractAlignment.Contract,
            PricingRules = rules.Select((r, i) => new ContractPricingRule
            {
                Position = i, ProductId = r.ProductId, SkuId = r.SkuId, Method = r.Method, Value = r.Value,
            }).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

    private static BillingContract WithPolicy(BillingContract contract, RefundPolicy refund, ContractAlignment alignment)
    {
        contract.RefundPolicy = refund;
        contract.Alignment = alignment;
        return contract;
    }

    private static PricingRule Rule(string productId, string? skuId, PricingMethod method, decimal value) => new(productId, skuId, method, value);
}
