using Prorata.Application.Contracts;
using Prorata.Application.Invoices;
namespace Prorata.Web.Features.Contracts;

public static class ContractsFeature
{
    public static IServiceCollection AddContracts(this IServiceCollection services) =>
        services.AddScoped<SaveContract>().AddScoped<OneOffCharges>();
}
