using Microsoft.Extensions.Options;
using Polly;
using Prorata.Application.Outbox;
using Prorata.Application.Webhooks;

namespace Prorata.Web.Features.Webhooks;

public static class WebhooksFeature
{
    /// <summary>
    /// Webhook subscriptions and their delivery through the outbox: the fan-out of domain events, and the delivery handler
    /// with its named HttpClient (section "Prorata:Webhooks", validated at start). The client follows no redirect and its
    /// resilience handler holds only the per-attempt timeout: retries are the outbox's, spaced minutes to hours apart and
    /// each one logged, because an endpoint that is down is down for longer than a request should wait.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookSubscriptions>().AddScoped<WebhookLog>();
        services.AddScoped<IOutboxHandler, WebhookFanOut>();
        services.AddScoped<IOutboxHandler, WebhookDeliveryHandler>();
        services.AddHttpClient(WebhookDeliveryHandler.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddResilienceHandler("webhooks", (pipeline, context) =>
                pipeline.AddTimeout(TimeSpan.FromSeconds(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds)));
        return services;
    }
}
