using Prorata.Application.WorkItems;

namespace Prorata.Web.Features.Exceptions;

public static class ExceptionsFeature
{
    public static IServiceCollection AddExceptions(this IServiceCollection services) =>
        services.AddScoped<WorkItemSearch>().AddScoped<WorkItemActions>().AddScoped<WorkItemRaiser>();
}
