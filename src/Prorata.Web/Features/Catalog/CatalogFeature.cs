using Prorata.Data.Catalog;

namespace Prorata.Web.Features.Catalog;

public static class CatalogFeature
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.AddScoped<PriceListImport>();
}
