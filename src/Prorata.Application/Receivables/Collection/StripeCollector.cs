using Prorata.Data.Receivables;
using Prorata.Integrations.Stripe;

namespace Prorata.Application.Receivables.Collection;

/// <summary>Stripe as a collector: Checkout in setup mode for cards (and SEPA debits in EUR), off-session PaymentIntents to collect.</summary>
public sealed class StripeCollector(StripeGateway stripe) : IPaymentCollector
{
    public PaymentProvider Provider => PaymentProvider.Stripe;

    public async Task<CollectionSetup> StartSetupAsync(Guid customerId, string name, string email, string? providerCustomerId, string currency, Uri returnUrl,
        Uri cancelUrl, CancellationToken cancellationToken)
    {
        try
        {
            var stripeCustomer = await stripe.EnsureCustomerAsync(customerId.ToString(), name, email, providerCustomerId, cancellationToken);
            string[] methods = currency == "EUR" ? ["card", "sepa_debit"] : ["card"];
            // Stripe replaces {CHECKOUT_SESSION_ID} in the success URL with the session's id.
            var success = $"{returnUrl}{(returnUrl.Query.Length == 0 ? "?" : "&")}session_id={{CHECKOUT_SESSION_ID}}";
            var session = await stripe.StartSetupAsync(stripeCustomer, success, cancelUrl.ToString(), methods, currency, cancellationToken);
            return new CollectionSetup(session.Id, session.Url, stripeCustomer);
        }
        catch (StripeUnavailableException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
    }

    public async Task<SavedMethod?> CompleteSetupAsync(string sessionId, CancellationToken cancellationToken)
    {
        var saved = await stripe.CompleteSetupAsync(sessionId, cancellationToken);
        if (saved is null) return null;
        var card = saved.Type == "card";
        var display = card
            ? $"{Brand(saved.CardBrand)} •••• {saved.Last4}{(saved.ExpMonth is { } month && saved.ExpYear is { } year ? $", {month:00}/{year}" : "")}"
            : $"SEPA debit •••• {saved.Last4}";
        return new SavedMethod(saved.Id, card ? PaymentMethodKind.Card : PaymentMethodKind.SepaDebit, display, saved.StripeCustomerId);
    }

    public async Task<CollectionOutcome> CollectAsync(CollectionOrder order, CancellationToken cancellationToken)
    {
        try
        {
            return Outcome(await stripe.ChargeAsync(new ChargeRequest(order.ProviderCustomerId, order.Token, order.AmountMinor, order.Currency, order.IdempotencyKey,
                order.InvoiceId.ToString(), order.Attempt, order.Description), cancellationToken));
        }
        catch (StripeUnavailableException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
    }

    public async Task<CollectionOutcome?> FindAsync(CollectionOrder order, CancellationToken cancellationToken)
    {
        try
        {
            return await stripe.FindChargeAsync(order.ProviderCustomerId, order.InvoiceId.ToString(), order.Attempt, cancellationToken) is { } found ? Outcome(found) : null;
        }
        catch (StripeUnavailableException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
    }

    private static CollectionOutcome Outcome(ChargeResult result) => result switch
    {
        ChargeSucceeded s => CollectionOutcome.Collected(s.PaymentIntentId, s.Created),
        ChargeProcessing p => CollectionOutcome.Pending(p.PaymentIntentId),
        ChargeDeclined d => CollectionOutcome.Refused(d.PaymentIntentId, d.DeclineCode, d.Message),
        ChargeRequiresAction a => CollectionOutcome.Refused(a.PaymentIntentId, "authentication_required", a.Message),
        _ => throw new InvalidOperationException($"Unknown charge result {result.GetType().Name}."),
    };

    private static string Brand(string? brand) => brand switch
    {
        "visa" => "Visa",
        "mastercard" => "Mastercard",
        "amex" => "American Express",
        null or "" => "Card",
        _ => char.ToUpperInvariant(brand[0]) + brand[1..],
    };
}
