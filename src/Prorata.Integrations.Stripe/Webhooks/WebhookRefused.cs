namespace Prorata.Integrations.Stripe.Webhooks;

/// <summary>A delivery not to act on; answer it with a 400 so a genuine event that failed here shows up in Stripe's dashboard.</summary>
public sealed record WebhookRefused(WebhookRefusalReason Reason, string Message) : WebhookReading;
