using Prorata.Integrations.ReconFiles;
using Prorata.Data.Catalog;

namespace Prorata.Web.Features.Catalog;

public static class CatalogFeature
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        // A price list is parsed whole into memory, so its limits are tighter than a recon file's (Prorata:Imports:PriceList).
        services.AddOptions<FileLimits>(CatalogEndpoints.PriceListLimits).Configure<IConfiguration>((limits, configuration) =>
        {
            limits.MaxFileBytes = 256L << 20;
            limits.MaxDecompressedBytes = 256L << 20;
            limits.MaxRows = 1_000_000;
            configuration.GetSection($"{FileLimits.Section}:{CatalogEndpoints.PriceListLimits}").Bind(limits);
        });
        return services.AddScoped<PriceListImport>();
    }
}
