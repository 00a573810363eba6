namespace Prorata.Integrations.Stripe.Webhooks;

/// <summary>A Checkout Session as a checkout.session.completed event carried it; in setup mode <see cref="SetupIntentId"/> names what was saved.</summary>
public sealed record CheckoutSessionSnapshot(string Id, string Status, string Mode, string? StripeCustomerId, string? SetupIntentId);
