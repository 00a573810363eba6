namespace Prorata.Integrations.Stripe;

/// <summary>
/// Accepted but not yet final, as every SEPA debit is for days: the answer comes as a webhook (payment_intent.succeeded or
/// payment_intent.payment_failed) for <see cref="PaymentIntentId"/>.
/// </summary>
public sealed record ChargeProcessing(string PaymentIntentId, long Amount, string Currency) : ChargeResult;
