using Prorata.Data.Subscriptions;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Features.Subscriptions;

public static class SubscriptionsFeature
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services) =>
        services.AddScoped<SubscriptionChanges>().AddScoped<SubscriptionProvisioning>().AddScoped<SubscriptionStandings>();
}
