using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prorata.Integrations.PartnerCenter.Credentials;
using Polly;
using Prorata.Integrations.PartnerCenter.Http;

namespace Prorata.Integrations.PartnerCenter;

public static class PartnerCenterServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPartnerCenter"/> bound to the "PartnerCenter" configuration section (validated at start),
    /// the credential lifecycle, and a typed HttpClient with authentication and retries. A host that keeps credentials in
    /// its database registers its own <see cref="ICredentialVault"/> before calling this.
    /// </summary>
    public static IServiceCollection AddPartnerCenter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PartnerCenterOptions>()
            .Bind(configuration.GetSection(PartnerCenterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.TryAddSingleton<ICredentialVault>(sp =>
            sp.GetRequiredService<IOptions<PartnerCenterOptions>>().Value.CredentialDirectory is { Length: > 0 } directory
                ? new FileCredentialVault(directory)
                : new InMemoryCredentialVault());
        services.TryAddSingleton<IRefreshTokenStore, ProtectedRefreshTokenStore>();
        services.TryAddSingleton<PartnerCenterCredentials>();
        services.AddHttpClient(PartnerCenterCredentials.TokenClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddTransient<PartnerCenterAuthenticationHandler>();

        var client = services.AddHttpClient<IPartnerCenter, PartnerCenterClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<PartnerCenterOptions>>().Value.BaseAddress;
                // The resilience pipeline owns timeouts (per attempt and in total, across Retry-After waits).
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.Add("X-Locale", "en-US");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        // Handlers run in the order added: retries outermost, so every attempt gets a valid token and its own request id.
        client.AddResilienceHandler("partner-center", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<PartnerCenterOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                pipeline.AddRetry(PartnerCenterRetry.Create(options));
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        client.AddHttpMessageHandler<PartnerCenterAuthenticationHandler>()
            .AddHttpMessageHandler(() => new CorrelationHandler());
        return services;
    }
}
