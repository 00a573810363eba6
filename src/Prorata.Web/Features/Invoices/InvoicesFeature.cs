using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

public static class InvoicesFeature
{
    public static IServiceCollection AddInvoices(this IServiceCollection services) =>
        services.AddScoped<InvoiceLifecycle>().AddSingleton<InvoicePdf>();
}
