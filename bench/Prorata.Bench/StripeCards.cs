using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Application.Receivables.Collection;
using Prorata.Data.Receivables;

namespace Prorata.Bench;

/// <summary>
/// Saves a Visa test card (4242…) for each customer the way a customer does: Prorata starts a Stripe Checkout setup
/// session (<see cref="PaymentSetups.StartAsync"/>), the customer's browser submits the card on the hosted page, and
/// Prorata completes the setup from what Stripe reports (<see cref="PaymentSetups.CompleteAsync(Guid, CancellationToken)"/>).
/// </summary>
public static class StripeCards
{
    public static async Task SaveAsync(IServiceProvider services, IEnumerable<Guid> customers, CancellationToken ct)
    {
        // The customer's browser: the hosted page answers 303 to Prorata's return link, which is not followed here.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        foreach (var customerId in customers)
        {
            await using var scope = services.CreateAsyncScope();
            var setups = scope.ServiceProvider.GetRequiredService<PaymentSetups>();
            var started = await setups.StartAsync(customerId, PaymentProvider.Stripe,
                id => (new Uri($"https://prorata.bench/payments/setups/{id}"), new Uri("https://prorata.bench/payments/cancelled")), ct);
            var session = started.Entity ?? throw new InvalidOperationException($"No setup session for customer {customerId}.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["method"] = "card", ["cardNumber"] = "4242424242424242", ["cardExpiry"] = "12 / 34", ["cardCvc"] = "123", ["billingName"] = "Bench Customer",
            });
            using var submitted = await browser.PostAsync(new Uri(session.Url), form, ct);
            if (submitted.StatusCode != HttpStatusCode.SeeOther) throw new InvalidOperationException($"The hosted page answered {(int)submitted.StatusCode} for customer {customerId}.");
            if (await setups.CompleteAsync(session.Id, ct) is null) throw new InvalidOperationException($"The setup of customer {customerId} did not complete.");
        }
    }
}
