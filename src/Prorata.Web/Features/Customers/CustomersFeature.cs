using Prorata.Application.Customers;
namespace Prorata.Web.Features.Customers;

public static class CustomersFeature
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) =>
        services.AddScoped<SaveCustomer>();
}
