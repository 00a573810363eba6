using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Application.Receivables.Collection;
using Prorata.Application.Receivables.Views;
using Prorata.Integrations.GoCardless;
using Prorata.Integrations.Stripe;

namespace Prorata.Web.Features.Receivables;

public static class ReceivablesFeature
{
    /// <summary>
    /// Payments, refunds, the receivables they settle, dunning (its daily job and reminder e-mails), Finance's views, and
    /// collection through Stripe (Prorata:Stripe:SecretKey) and GoCardless (Prorata:GoCardless:AccessToken) when configured.
    /// </summary>
    public static IServiceCollection AddReceivables(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DunningOptions>().Bind(configuration.GetSection(DunningOptions.Section));
        services.AddScoped<CustomerPayments>().AddScoped<ContractCollection>().AddScoped<DunningRun>().AddScoped<ReceivablesViews>();
        services.AddSingleton<StatementPdf>();
        services.AddScoped<IOutboxHandler, ReceivablesUpdateHandler>();
        services.AddScoped<IOutboxHandler, PaymentReminderHandler>();
        services.AddScoped<AutoCharges>().AddScoped<PaymentSetups>().AddScoped<StripeEvents>().AddScoped<GoCardlessEvents>();
        services.AddScoped<IOutboxHandler, AutoChargeHandler>();
        // Each provider only when its settings are there; a contract that auto-charges through one that is off waits.
        if (!string.IsNullOrWhiteSpace(configuration[$"{StripeOptions.SectionName}:{nameof(StripeOptions.SecretKey)}"]))
        {
            services.AddStripePayments(configuration);
            services.AddScoped<IPaymentCollector, StripeCollector>();
        }
        if (!string.IsNullOrWhiteSpace(configuration[$"{GoCardlessOptions.SectionName}:{nameof(GoCardlessOptions.AccessToken)}"]))
        {
            services.AddGoCardlessPayments(configuration);
            services.AddScoped<IPaymentCollector, GoCardlessCollector>();
        }
        return services;
    }
}
