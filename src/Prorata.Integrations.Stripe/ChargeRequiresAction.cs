namespace Prorata.Integrations.Stripe;

/// <summary>
/// The bank wants the customer to authenticate (3-D Secure), which cannot happen off session: ask the customer to pay
/// on session or to save another payment method.
/// </summary>
public sealed record ChargeRequiresAction(string? PaymentIntentId, string Message) : ChargeResult;
