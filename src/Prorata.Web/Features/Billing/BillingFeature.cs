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
        // Issued invoices are e-mailed when a mail server is configured (Prorata:Smtp:Host).
        services.AddScoped(sp => new BillingRunner(sp.GetRequiredService<Prorata.Data.ProrataDbContext>(), sp.GetRequiredService<BillingOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<Prorata.Application.Invoices.Delivery.SmtpOptions>>().Value.IsConfigured));
        services.AddSingleton<BillingRuns>();
        return services;
    }
}
