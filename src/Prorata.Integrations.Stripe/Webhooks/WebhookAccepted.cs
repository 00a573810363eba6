namespace Prorata.Integrations.Stripe.Webhooks;

/// <summary>A delivery whose signature and timestamp check out. Stripe may deliver an event more than once and out of order: key on <see cref="StripeWebhookEvent.Id"/>.</summary>
public sealed record WebhookAccepted(StripeWebhookEvent Event) : WebhookReading;
