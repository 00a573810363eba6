using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Prorata.Integrations.GoCardless.Http;

namespace Prorata.Integrations.GoCardless;

public static class GoCardlessServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GoCardlessGateway"/> bound to the "Prorata:GoCardless" section (validated at start): a typed
    /// HttpClient with the Bearer token and the GoCardless-Version header, bounded retries of 429, 5xx and timeouts, a timeout
    /// per attempt and in total. Registers nothing while Prorata:GoCardless:AccessToken is empty: GoCardless is off, and a
    /// host asks for the gateway with <c>GetService</c> to know.
    /// </summary>
    public static IServiceCollection AddGoCardlessPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GoCardlessOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(GoCardlessOptions.AccessToken)]))
        {
            return services;
        }
        services.AddOptions<GoCardlessOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoCardlessOptions>, GoCardlessOptionsValidator>());

        var client = services.AddHttpClient<GoCardlessGateway>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<GoCardlessOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            // The resilience pipeline owns timeouts (per attempt and in total, across rate-limit waits).
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
            http.DefaultRequestHeaders.Add(GoCardlessGateway.VersionHeaderName, GoCardlessGateway.ApiVersion);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(
                "Prorata.Integrations.GoCardless", typeof(GoCardlessGateway).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"));
        });
        client.AddResilienceHandler("gocardless", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<GoCardlessOptions>>().Value;
            pipeline.AddTimeout(options.TotalTimeout);
            // MaxRetryAttempts 0 (allowed) means no retry; Polly's retry strategy refuses 0.
            if (options.MaxRetryAttempts > 0) pipeline.AddRetry(GoCardlessRetry.Create(options));
            pipeline.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        });
        return services;
    }
}
