using Prorata.Application.PartnerCenter;
using Prorata.Data.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Features.PartnerCenter;

public static class PartnerCenterFeature
{
    /// <summary>
    /// The Partner Center area. The client is registered only when the "PartnerCenter" section names a tenant and an
    /// application; the refresh token goes to the database (<see cref="DatabaseCredentialVault"/>), encrypted with the Data
    /// Protection key ring (Infrastructure/Security/KeyRingSetup), kept in a folder rather than the database, so that a
    /// database backup alone does not open the token and a restart does not lose it. Staff changes of linked subscriptions are then sent to Partner Center before they are
    /// logged (<see cref="PartnerCenterChangePush"/>).
    /// </summary>
    public static IServiceCollection AddPartnerCenterSync(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = PartnerCenterConnection.From(configuration);
        services.AddSingleton(connection);
        services.AddOptions<PartnerCenterSyncOptions>().Bind(configuration.GetSection(PartnerCenterSyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PartnerCenterSyncRuns>();
        if (connection.Configured)
        {
            services.AddSingleton<ICredentialVault, DatabaseCredentialVault>();
            services.AddPartnerCenter(configuration);
            services.AddScoped<PartnerCenterSync>();
            services.AddScoped<LicenseRead>();
            services.AddScoped<ISubscriptionChangePush, PartnerCenterChangePush>();
        }
        return services;
    }
}
