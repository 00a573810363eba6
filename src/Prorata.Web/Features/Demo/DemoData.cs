using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Portal;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.LegalEntities;
using Prorata.Data.Tax;
using Prorata.Domain.Customers;
using Prorata.Domain.LegalEntities;
using Prorata.Domain.Parties;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;

namespace Prorata.Web.Features.Demo;

/// <summary>
/// A demo partner, Northwind Cloud Services, invoicing from three legal entities (US, DE, UK) in USD, EUR and GBP, with
/// addresses, tax ids and a rate table (a German customer pays USt, a Dutch one is reverse-charged),
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
        var us = Entity(now, LegalEntityUs, "USD", new("500 Pine Street", "Suite 1200", "Seattle", "98101", "WA", "US"), "91-1234567", "billing@northwind-us.example",
            null, null, "ACH to Northwind Cloud Services Inc., routing 125000024, account 0123456789");
        var de = Entity(now, LegalEntityDe, "EUR", new("Friedrichstraße 68", null, "Berlin", "10117", null, "DE"), "DE811569869", "rechnung@northwind-de.example",
            "DE89370400440532013000", "COBADEFFXXX", null);
        var uk = Entity(now, LegalEntityUk, "GBP", new("1 Canada Square", null, "London", "E14 5AB", null, "GB"), "GB123456789", "accounts@northwind-uk.example",
            "GB29NWBK60161331926819", "NWBKGB2L", null);
        uk.InvoicePrefix = "UK-INV-";
        uk.CreditNotePrefix = "UK-CN-";
        db.LegalEntities.AddRange(us, de, uk);
        db.TaxRates.AddRange(
            Rate(now, "DE", null, 19m, "USt"), Rate(now, "GB", null, 20m, "VAT"), Rate(now, "NL", null, 21m, "BTW"), Rate(now, "US", "WA", 10.25m, "WA sales tax"));

        var contoso = Customer(now, "Contoso Ltd", "USD", "ap@contoso.example");
        contoso.SetProfile(Profile(new("1 Microsoft Way", null, "Redmond", "98052", "WA", "US"), null));
        var contosoEurope = Customer(now, "Contoso Europe GmbH", "EUR", "rechnungen@contoso-europe.example", parent: contoso);
        contosoEurope.SetProfile(Profile(new("Leopoldstraße 8", null, "München", "80802", null, "DE"), "DE129273398"));
        var fabrikam = Customer(now, "Fabrikam UK Ltd", "GBP", "accounts.payable@fabrikam.example");
        fabrikam.SetProfile(Profile(new("20 Fenchurch Street", null, "London", "EC3M 3BY", null, "GB"), "GB987654321"));
        var adatum = Customer(now, "Adatum Corporation", "USD", "billing@adatum.example", creditHold: true);
        adatum.SetProfile(Profile(new("1000 2nd Avenue", null, "Seattle", "98104", "WA", "US"), null));
        var tailspin = Customer(now, "Tailspin Toys BV", "EUR", "finance@tailspintoys.example");
        tailspin.SetProfile(Profile(new("Keizersgracht 1", null, "Amsterdam", "1015 CC", null, "NL"), "NL123456789B01"));
        db.Customers.AddRange(contoso, contosoEurope, fabrikam, adatum, tailspin);

        db.BillingContracts.AddRange(
            Contract(now, contoso, "USD", us, billingDay: 1, InvoiceCadence.Monthly, paymentTermsDays: 30,
                Rule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 12m),
                Rule(Microsoft365E3, null, PricingMethod.DiscountOffErp, 5m),
                Rule(AzurePlan, null, PricingMethod.MarkupOnCost, 8m)),
            Contract(now, contosoEurope, "EUR", de, billingDay: 15, InvoiceCadence.Quarterly, paymentTermsDays: 45,
                Rule(PricingRule.AnyProduct, null, PricingMethod.DiscountOffErp, 3m),
                Rule(AzurePlan, null, PricingMethod.MarkupOnCost, 10m)),
            // Fabrikam buys annual terms and gets no credit for decreases: its periods follow Microsoft's cycles.
            WithPolicy(Contract(now, fabrikam, "GBP", uk, billingDay: 1, InvoiceCadence.Annual, paymentTermsDays: 30,
                Rule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 15m),
                Rule(BusinessBasic, "0001", PricingMethod.FixedPrice, 5.20m)), RefundPolicy.None, ContractAlignment.Subscription),
            Contract(now, adatum, "USD", us, billingDay: 10, InvoiceCadence.Monthly, paymentTermsDays: 15,
                Rule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 10m),
                Rule(BusinessPremium, null, PricingMethod.DiscountOffErp, 2.5m)),
            Contract(now, tailspin, "EUR", de, billingDay: 28, InvoiceCadence.Monthly, paymentTermsDays: 30,
                Rule(PricingRule.AnyProduct, null, PricingMethod.DiscountOffErp, 4m)));

        await db.SaveChangesAsync(cancellationToken);
        await DemoHistory.SeedAsync(db, time, cancellationToken);
        await PortalCatalogAsync(db, now, cancellationToken);
    }

    /// <summary>
    /// Contoso's portal catalog, for trying the portal once staff invite someone: Business Basic and Premium up to 100 seats,
    /// E3 only with staff approval, and anything adding more than 1,000 USD to an invoice approved first.
    /// </summary>
    private static async Task PortalCatalogAsync(ProrataDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.AsNoTracking().FirstAsync(c => c.Customer!.Name == "Contoso Ltd", cancellationToken);
        PortalOffer Offer(string product, string sku, BillingPlan plan, bool approval) => new()
        {
            Id = Guid.CreateVersion7(now), CustomerId = contract.CustomerId, ContractId = contract.Id, ProductId = product, SkuId = sku, Term = TermDuration.P1Y,
            BillingPlan = plan, MinSeats = 1, MaxSeats = 100, RequiresApproval = approval, CreatedAt = now,
        };
        db.PortalOffers.AddRange(
            Offer(DemoHistory.BusinessBasic, "0001", BillingPlan.Monthly, false),
            Offer(DemoHistory.BusinessPremium, "0002", BillingPlan.Monthly, false),
            Offer(DemoHistory.Microsoft365E3, "0001", BillingPlan.Annual, true));
        db.PortalPolicies.Add(new PortalPolicy { CustomerId = contract.CustomerId, ApprovalAbove = 1000m, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
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
        DateTimeOffset now, Customer customer, string currency, LegalEntity legalEntity, int billingDay, InvoiceCadence cadence,
        int paymentTermsDays, params PricingRule[] rules) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customer.Id,
            Currency = currency,
            LegalEntityId = legalEntity.Id,
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

    private static LegalEntity Entity(DateTimeOffset now, string name, string currency, PostalAddress address, string taxId, string email, string? iban, string? bic, string? text)
    {
        var entity = new LegalEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Currency = currency,
            TaxId = taxId,
            Email = email,
            BankAccountName = iban is null ? null : name,
            Iban = iban,
            Bic = bic,
            PaymentText = text,
            InvoicePrefix = "INV-",
            CreditNotePrefix = "CN-",
            DefaultPaymentTermsDays = 30,
            TaxProvider = TaxProviderKind.BuiltIn,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        entity.SetAddress(address);
        return entity;
    }

    private static TaxRateRow Rate(DateTimeOffset now, string country, string? region, decimal rate, string name) => new()
    {
        Id = Guid.CreateVersion7(now),
        Country = country,
        Region = region,
        Rate = rate,
        Name = name,
        EffectiveFrom = new DateOnly(2020, 1, 1),
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static CustomerBillingProfile Profile(PostalAddress billing, string? taxId) =>
        CustomerBillingProfile.Empty with { BillingAddress = billing, TaxId = taxId };

    private static BillingContract WithPolicy(BillingContract contract, RefundPolicy refund, ContractAlignment alignment)
    {
        contract.RefundPolicy = refund;
        contract.Alignment = alignment;
        return contract;
    }

    private static PricingRule Rule(string productId, string? skuId, PricingMethod method, decimal value) => new(productId, skuId, method, value);
}
