namespace Prorata.Integrations.Stripe.Webhooks;

/// <summary>
/// A Stripe event in Prorata's words: its id (evt_…, the key to ignore a repeated delivery), its type
/// (payment_intent.succeeded, checkout.session.completed…), when Stripe created it, and the object it is about when
/// Prorata reads that kind: a PaymentIntent or a Checkout Session. Other kinds come with both null.
/// </summary>
public sealed record StripeWebhookEvent(
    string Id,
    string Type,
    DateTimeOffset Created,
    string? ApiVersion,
    PaymentIntentSnapshot? PaymentIntent,
    CheckoutSessionSnapshot? CheckoutSession);
