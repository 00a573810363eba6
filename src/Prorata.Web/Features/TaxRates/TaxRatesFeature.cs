using Prorata.Application.Tax;

namespace Prorata.Web.Features.TaxRates;

public static class TaxRatesFeature
{
    public static IServiceCollection AddTaxRates(this IServiceCollection services) => services.AddScoped<SaveTaxRate>();
}
