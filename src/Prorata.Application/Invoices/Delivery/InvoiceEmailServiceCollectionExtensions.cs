using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Prorata.Application.Invoices.Delivery;

public static class InvoiceEmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInvoiceEmailSender"/> over SMTP, bound to "Prorata:Smtp" and validated at start. Without a
    /// Host it is still registered and answers every e-mail with a permanent failure saying that no mail server is
    /// configured, so an invoice never silently goes unsent.
    /// </summary>
    public static IServiceCollection AddInvoiceEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInvoiceEmailSender, SmtpInvoiceEmailSender>();
        return services;
    }
}
