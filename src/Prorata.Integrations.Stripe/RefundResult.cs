namespace Prorata.Integrations.Stripe;

/// <summary>A refund: <see cref="Status"/> is Stripe's (succeeded, pending for SEPA, failed, canceled).</summary>
public sealed record RefundResult(string Id, string PaymentIntentId, long Amount, string Currency, string Status);
