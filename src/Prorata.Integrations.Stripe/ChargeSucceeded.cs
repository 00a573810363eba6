namespace Prorata.Integrations.Stripe;

/// <summary>The money was taken: <see cref="AmountReceived"/> minor units of <see cref="Currency"/> (lower case, as Stripe writes it).</summary>
public sealed record ChargeSucceeded(string PaymentIntentId, long AmountReceived, string Currency, DateTimeOffset Created) : ChargeResult;
