using Prorata.Application.Outbox;
using Prorata.Application.PartnerCenter;

namespace Prorata.Web.Features.Outbox;

public static class OutboxFeature
{
    /// <summary>
    /// The outbox and its worker. Partner Center's handlers settle its intents only when Partner Center is configured
    /// (they need its client); a lifted credit hold is delivered either way (without Partner Center it records the
    /// waiting entries as provisioned).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<IOutboxHandler, CreditHoldReleaseHandler>();
        services.AddScoped<IOutboxHandler, PartnerCenterPurchaseSettlement>();
        if (PartnerCenterConnection.From(configuration).Configured)
        {
            services.AddScoped<IOutboxHandler, PartnerCenterIntentSettlement>();
        }
        services.AddHostedService<OutboxWorkerJob>();
        return services;
    }
}
