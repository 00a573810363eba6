using Prorata.Application.Contracts;
using Prorata.Application.Customers;
using Prorata.Application.Invoices;
using Prorata.Application.Receivables;
using Prorata.Application.Search;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Features.Search;

public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services.AddScoped<CustomerSearch>().AddScoped<ContractSearch>().AddScoped<SubscriptionSearch>().AddScoped<InvoiceSearch>()
            .AddScoped<PaymentSearch>().AddScoped<GlobalSearch>();
}
