namespace Prorata.Integrations.Stripe;

/// <summary>
/// Not paid. <see cref="DeclineCode"/> is the issuer's reason when Stripe gives one (generic_decline, insufficient_funds…),
/// otherwise Stripe's error code (expired_card…); <see cref="Message"/> is Stripe's sentence, fit to show the customer.
/// </summary>
public sealed record ChargeDeclined(string? PaymentIntentId, string DeclineCode, string Message) : ChargeResult;
