using Prorata.Web.Components;
using Prorata.Web.Features.Account;
using Prorata.Web.Features.Audit;
using Prorata.Web.Features.Billing;
using Prorata.Web.Features.Catalog;
using Prorata.Web.Features.Commissions;
using Prorata.Web.Features.Contracts;
using Prorata.Web.Features.Customers;
using Prorata.Web.Features.Demo;
using Prorata.Web.Features.Exceptions;
using Prorata.Web.Features.Insight;
using Prorata.Web.Features.Invoices;
using Prorata.Web.Features.LegalEntities;
using Prorata.Web.Features.Outbox;
using Prorata.Web.Features.PartnerCenter;
using Prorata.Web.Features.Portal;
using Prorata.Web.Features.PortalAdmin;
using Prorata.Web.Features.Receivables;
using Prorata.Web.Features.Reconciliation;
using Prorata.Web.Features.Search;
using Prorata.Web.Features.Settings;
using Prorata.Web.Features.Simulations;
using Prorata.Web.Features.Subscriptions;
using Prorata.Web.Features.TaxRates;
using Prorata.Web.Features.Webhooks;
using Prorata.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddProrataInfrastructure();

// One line per feature area: its services here, its endpoints below.
builder.Services.AddAccount(builder.Configuration);
builder.Services.AddCustomers();
builder.Services.AddContracts();
builder.Services.AddDemo(builder.Configuration);
builder.Services.AddSubscriptions();
builder.Services.AddBilling(builder.Configuration);
builder.Services.AddInvoices(builder.Configuration);
builder.Services.AddLegalEntities();
builder.Services.AddTaxRates();
builder.Services.AddCatalog();
builder.Services.AddSimulations();
builder.Services.AddReconciliation();
builder.Services.AddPartnerCenterSync(builder.Configuration);
builder.Services.AddSettings();
builder.Services.AddExceptions();
builder.Services.AddReceivables(builder.Configuration);
builder.Services.AddInsight();
builder.Services.AddCommissions();
builder.Services.AddOutbox(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddSearch();
builder.Services.AddAudit();
builder.Services.AddPortal();

var app = builder.Build();
app.UseProrataInfrastructure();

app.MapAccount();
app.MapCustomers();
app.MapContracts();
app.MapOneOffCharges();
app.MapSubscriptions();
app.MapBilling();
app.MapInvoices();
app.MapReceivables();
app.MapInsight();
app.MapCommissions();
app.MapPaymentCollection();
app.MapLegalEntities();
app.MapTaxRates();
app.MapCatalog();
app.MapSimulations();
app.MapReconciliation();
app.MapPartnerCenter();
app.MapExceptions();
app.MapStaffUsers();
app.MapApiKeys();
app.MapWebhooks();
app.MapSearch();
app.MapAudit();
app.MapPortal();
app.MapPortalAdmin();

app.MapProrataPages<App>();
app.Run();

/// <summary>Entry point, public so that the test projects can host the app.</summary>
public partial class Program;
