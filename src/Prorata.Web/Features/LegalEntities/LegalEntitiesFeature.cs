using Prorata.Application.LegalEntities;

namespace Prorata.Web.Features.LegalEntities;

public static class LegalEntitiesFeature
{
    public static IServiceCollection AddLegalEntities(this IServiceCollection services) => services.AddScoped<SaveLegalEntity>();
}
