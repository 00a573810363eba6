using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Prorata.Integrations.Avalara.Http;

namespace Prorata.Integrations.Avalara;

public static class AvalaraServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AvalaraClient"/> bound to the "Prorata:Avalara" configuration section (validated at start): a typed
    /// HttpClient with Basic authentication (account id : license key), the X-Avalara-Client header, and bounded retries
    /// with a timeout per attempt and in total.
    /// </summary>
    public static IServiceCollection AddAvalaraTax(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AvalaraOptions>()
            .Bind(configuration.GetSection(AvalaraOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var client = services.AddHttpClient<AvalaraClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<AvalaraOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            // The resilience pipeline owns timeouts (per attempt and in total, across Retry-After waits).
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountId}:{options.LicenseKey}")));
            http.DefaultRequestHeaders.TryAddWithoutValidation(AvalaraClient.ClientHeaderName, ClientHeader(options));
        });
        client.AddResilienceHandler("avalara", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AvalaraOptions>>().Value;
            pipeline.AddTimeout(options.TotalTimeout);
            // MaxRetryAttempts 0 (allowed) means no retry; Polly's retry strategy refuses 0, and every call would fail building the pipeline.
            if (options.MaxRetryAttempts > 0) pipeline.AddRetry(AvalaraRetry.Create(options));
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return services;
    }

    // Avalara's form: "application; application version; adapter; adapter version; machine".
    private static string ClientHeader(AvalaraOptions options)
    {
        var version = typeof(AvalaraClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        return $"{options.ApplicationName}; {version}; Prorata.Integrations.Avalara; {version}; {Environment.MachineName}";
    }
}
