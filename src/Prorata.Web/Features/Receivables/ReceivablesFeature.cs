using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Application.Receivables.Views;

namespace Prorata.Web.Features.Receivables;

public static class ReceivablesFeature
{
    /// <summary>Payments, refunds, the receivables they settle, dunning (its daily job and reminder e-mails) and Finance's views.</summary>
    public static IServiceCollection AddReceivables(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DunningOptions>().Bind(configuration.GetSection(DunningOptions.Section));
        services.AddScoped<CustomerPayments>().AddScoped<DunningRun>().AddScoped<ReceivablesViews>();
        services.AddSingleton<StatementPdf>();
        services.AddScoped<IOutboxHandler, ReceivablesUpdateHandler>();
        services.AddScoped<IOutboxHandler, PaymentReminderHandler>();
        services.AddHostedService<DailyDunningJob>();
        return services;
    }
}
