using Microsoft.Extensions.Options;
using Prorata.Data.Billing;
using Prorata.Application.Billing;

namespace Prorata.Web.Features.Billing;

public static class BillingFeature
{
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BillingOptions>(configuration.GetSection(BillingOptions.Section));
        services.Configure<DailyBillingOptions>(configuration.GetSection(DailyBillingOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BillingOptions>>().Value);
        services.AddScoped<BillingRunner>();
        services.AddSingleton<BillingRuns>();
        services.AddHostedService<DailyBillingJob>();
        return services;
    }
}
