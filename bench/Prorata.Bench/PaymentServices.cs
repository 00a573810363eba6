using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Application.Receivables.Collection;
using Prorata.Data;
using Prorata.Integrations.Stripe;
using StripeSimulator;

namespace Prorata.Bench;

/// <summary>
/// What a host registers to collect invoices through Stripe (as Prorata.Web's ReceivablesFeature and OutboxFeature do):
/// the database, the clock, the outbox dispatcher with the auto-charge handler, payments, setups, and Stripe from a
/// "Prorata:Stripe" section pointing at the simulator.
/// </summary>
public static class PaymentServices
{
    public static ServiceProvider Build(string connectionString, Uri stripe, TimeProvider time, int timeoutSeconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Prorata:Stripe:SecretKey"] = SimulatorApp.DefaultSecretKey,
            // Required by the options check; no webhook is sent here (card charges answer at once).
            ["Prorata:Stripe:WebhookSecret"] = "whsec_prorata_bench_0123456789",
            ["Prorata:Stripe:ApiBase"] = stripe.ToString(),
            ["Prorata:Stripe:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Prorata:Stripe:MaxRetryAttempts"] = "2",
            ["Prorata:Stripe:RetryDelay"] = "00:00:00.050",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ProrataDbContext>(options => ProrataDatabase.Use(options, connectionString));
        services.AddSingleton(time);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<CustomerPayments>().AddScoped<AutoCharges>().AddScoped<PaymentSetups>();
        services.AddScoped<IOutboxHandler, AutoChargeHandler>();
        services.AddStripePayments(configuration);
        services.AddScoped<IPaymentCollector, StripeCollector>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
