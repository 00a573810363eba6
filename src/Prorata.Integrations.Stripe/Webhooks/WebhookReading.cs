namespace Prorata.Integrations.Stripe.Webhooks;

/// <summary>What a webhook delivery turned out to be: <see cref="WebhookAccepted"/> (signed by Stripe, in time) or <see cref="WebhookRefused"/>.</summary>
public abstract record WebhookReading;
