using Prorata.Application.Invoices;
using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Invoices.Documents;
using Prorata.Application.Outbox;
using Prorata.Application.Tax;
using Prorata.Integrations.Avalara;

namespace Prorata.Web.Features.Invoices;

public static class InvoicesFeature
{
    /// <summary>
    /// The invoice lifecycle, its documents and e-mail, and Avalara when Prorata:Avalara:AccountId is set (a legal entity
    /// that chooses Avalara without it keeps its invoices as drafts and says why).
    /// </summary>
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InvoiceLifecycle>().AddSingleton<InvoicePdf>().AddSingleton<InvoiceUbl>();
        services.AddInvoiceEmail(configuration);
        services.AddScoped<IOutboxHandler, InvoiceDeliveryHandler>();
        services.AddScoped<IOutboxHandler, InvoiceIssueHandler>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{AvalaraOptions.SectionName}:AccountId"]))
        {
            services.AddAvalaraTax(configuration);
            services.AddScoped<ITaxProvider, AvalaraTaxProvider>();
        }
        return services;
    }
}
