using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Prorata.Integrations.Stripe.Http;

namespace Prorata.Integrations.Stripe;

public static class StripeServiceCollectionExtensions
{
    /// <summary>The named HttpClient Stripe.net sends through; its handler holds the retries and the per-attempt timeout.</summary>
    public const string HttpClientName = "Prorata.Stripe";

    /// <summary>
    /// Registers <see cref="StripeGateway"/> bound to the "Prorata:Stripe" section (validated at start). Stripe.net sends
    /// through a named HttpClient of the factory whose resilience handler retries lost answers, 5xx and 429 a bounded number
    /// of times with the same Idempotency-Key and gives up an attempt after TimeoutSeconds. With no secret key Stripe is
    /// off: <see cref="StripeGateway.IsEnabled"/> is false and its calls are refused.
    /// </summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeOptions>()
            .Bind(configuration.GetSection(StripeOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>());

        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("stripe", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<StripeOptions>>().Value;
                // Polly's retry strategy refuses 0 attempts; 0 means no retry.
                if (options.MaxRetryAttempts > 0) pipeline.AddRetry(StripeRetry.Create(options));
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
            });
        // Transient: each gateway takes a fresh HttpClient from the factory, which rotates the handlers underneath.
        services.AddTransient<StripeGateway>();
        return services;
    }
}
