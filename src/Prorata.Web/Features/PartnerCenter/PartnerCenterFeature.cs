using Prorata.Application.PartnerCenter;
using Microsoft.AspNetCore.DataProtection;
using Prorata.Data.Subscriptions;
using Prorata.Integrations.PartnerCenter;
using Prorata.Integrations.PartnerCenter.Credentials;
using Prorata.Application.Subscriptions;

namespace Prorata.Web.Features.PartnerCenter;

public static class PartnerCenterFeature
{
    /// <summary>Where the Data Protection key ring is kept unless Prorata:DataProtection:KeysDirectory says otherwise.</summary>
    public const string DefaultKeysDirectory = "data/keys";

    /// <summary>
    /// The Partner Center area. The client is registered only when the "PartnerCenter" section names a tenant and an
    /// application; the refresh token goes to the database (<see cref="DatabaseCredentialVault"/>), encrypted with a key
    /// ring persisted in a folder rather than the database, so that a database backup alone does not open the token and
    /// a restart does not lose it. Staff changes of linked subscriptions are then sent to Partner Center before they are
    /// logged (<see cref="PartnerCenterChangePush"/>).
    /// </summary>
    public static IServiceCollection AddPartnerCenterSync(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = configuration["Prorata:DataProtection:KeysDirectory"] is { Length: > 0 } folder ? folder : DefaultKeysDirectory;
        services.AddDataProtection().SetApplicationName("Prorata").PersistKeysToFileSystem(new DirectoryInfo(keys));
        var connection = PartnerCenterConnection.From(configuration);
        services.AddSingleton(connection);
        services.AddOptions<PartnerCenterSyncOptions>().Bind(configuration.GetSection(PartnerCenterSyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PartnerCenterSyncRuns>();
        services.AddHostedService<PartnerCenterSyncJob>();
        if (connection.Configured)
        {
            services.AddSingleton<ICredentialVault, DatabaseCredentialVault>();
            services.AddPartnerCenter(configuration);
            services.AddScoped<PartnerCenterSync>();
            services.AddScoped<ISubscriptionChangePush, PartnerCenterChangePush>();
        }
        return services;
    }
}
