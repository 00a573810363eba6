using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Prorata.Data.ApiKeys;
using Prorata.Data.Audit;
using Prorata.Data.Billing;
using Prorata.Data.Catalog;
using Prorata.Data.Commissions;
using Prorata.Data.Contracts;
using Prorata.Data.Customers;
using Prorata.Data.Identity;
using Prorata.Data.Insight;
using Prorata.Data.Invoices;
using Prorata.Data.Jobs;
using Prorata.Data.LegalEntities;
using Prorata.Data.Tax;
using Prorata.Data.PartnerCenter;
using Prorata.Data.Receivables;
using Prorata.Data.Reconciliation;
using Prorata.Data.Outbox;
using Prorata.Data.Portal;
using Prorata.Data.Subscriptions;
using Prorata.Data.Webhooks;
using Prorata.Data.WorkItems;

namespace Prorata.Data;

/// <summary>Prorata's database: staff, customers, contracts, catalog, subscriptions and their change log, invoices; SQLite or PostgreSQL.</summary>
public sealed class ProrataDbContext(DbContextOptions<ProrataDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<BillingContract> BillingContracts => Set<BillingContract>();

    /// <summary>The shares of a date's billing run that worker processes claim (docs/scaling.md).</summary>
    public DbSet<BillingRunChunk> BillingRunChunks => Set<BillingRunChunk>();

    public DbSet<CatalogProduct> CatalogProducts => Set<CatalogProduct>();

    public DbSet<PriceListVersion> PriceListVersions => Set<PriceListVersion>();

    public DbSet<PriceListEntry> PriceListEntries => Set<PriceListEntry>();

    public DbSet<CustomerSubscription> Subscriptions => Set<CustomerSubscription>();

    public DbSet<LicenseChangeEntry> LicenseChangeLog => Set<LicenseChangeEntry>();

    public DbSet<ProvisioningRecord> ProvisioningRecords => Set<ProvisioningRecord>();

    public DbSet<CustomerInvoice> Invoices => Set<CustomerInvoice>();

    public DbSet<CustomerInvoiceLine> InvoiceLines => Set<CustomerInvoiceLine>();

    public DbSet<DocumentNumberSequence> DocumentNumberSequences => Set<DocumentNumberSequence>();

    public DbSet<InvoiceDelivery> InvoiceDeliveries => Set<InvoiceDelivery>();

    public DbSet<OneOffCharge> OneOffCharges => Set<OneOffCharge>();

    public DbSet<LegalEntity> LegalEntities => Set<LegalEntity>();

    public DbSet<TaxRateRow> TaxRates => Set<TaxRateRow>();

    public DbSet<PartnerCenterCustomerLink> PartnerCenterCustomers => Set<PartnerCenterCustomerLink>();

    public DbSet<PartnerCenterSubscriptionLink> PartnerCenterSubscriptions => Set<PartnerCenterSubscriptionLink>();

    public DbSet<PartnerCenterSyncCursor> PartnerCenterSyncCursor => Set<PartnerCenterSyncCursor>();

    public DbSet<PartnerCenterSyncRun> PartnerCenterSyncRuns => Set<PartnerCenterSyncRun>();

    public DbSet<PartnerCenterImportedChange> PartnerCenterImportedChanges => Set<PartnerCenterImportedChange>();

    public DbSet<PartnerCenterCredential> PartnerCenterCredentials => Set<PartnerCenterCredential>();

    public DbSet<LicenseUsage> LicenseUsage => Set<LicenseUsage>();

    public DbSet<ReconImport> ReconImports => Set<ReconImport>();

    public DbSet<ReconImportLine> ReconImportLines => Set<ReconImportLine>();

    public DbSet<ReconImportMissing> ReconImportMissing => Set<ReconImportMissing>();

    public DbSet<ReconImportUnbilled> ReconImportUnbilled => Set<ReconImportUnbilled>();

    public DbSet<UsageImport> UsageImports => Set<UsageImport>();

    public DbSet<UsageRow> UsageRows => Set<UsageRow>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<WorkItemNote> WorkItemNotes => Set<WorkItemNote>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentReversal> PaymentReversals => Set<PaymentReversal>();

    public DbSet<CreditRefund> CreditRefunds => Set<CreditRefund>();

    public DbSet<InvoiceReceivable> InvoiceReceivables => Set<InvoiceReceivable>();

    public DbSet<PaymentAllocationRow> PaymentAllocations => Set<PaymentAllocationRow>();

    public DbSet<CustomerCredit> CustomerCredits => Set<CustomerCredit>();

    public DbSet<DunningStep> DunningSteps => Set<DunningStep>();

    public DbSet<SavedPaymentMethod> SavedPaymentMethods => Set<SavedPaymentMethod>();

    public DbSet<PaymentSetupSession> PaymentSetupSessions => Set<PaymentSetupSession>();

    public DbSet<ChargeAttempt> ChargeAttempts => Set<ChargeAttempt>();

    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();

    public DbSet<Salesperson> Salespeople => Set<Salesperson>();

    public DbSet<SalespersonPlan> SalespersonPlans => Set<SalespersonPlan>();

    public DbSet<ContractSalesperson> ContractSalespeople => Set<ContractSalesperson>();

    public DbSet<CommissionStatement> CommissionStatements => Set<CommissionStatement>();

    public DbSet<CommissionStatementEntry> CommissionStatementEntries => Set<CommissionStatementEntry>();

    public DbSet<ProductMarginFloor> MarginFloors => Set<ProductMarginFloor>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<CustomerUser> CustomerUsers => Set<CustomerUser>();

    public DbSet<PortalOffer> PortalOffers => Set<PortalOffer>();

    public DbSet<PortalPolicy> PortalPolicies => Set<PortalPolicy>();

    public DbSet<PortalRequest> PortalRequests => Set<PortalRequest>();

    /// <summary>Append-only; written by <see cref="AuditRecorder"/>, never by a caller.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and rates keep six decimals: enough for per-unit prices and proration factors before the one rounding.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
        if (Database.IsSqlite())
        {
            // SQLite has no timestamp type and cannot compare DateTimeOffset text in SQL; a sortable integer can.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProrataDbContext).Assembly);
    }
}
