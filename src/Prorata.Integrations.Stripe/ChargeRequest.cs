namespace Prorata.Integrations.Stripe;

/// <summary>
/// One attempt at collecting an invoice from a saved payment method, off session. <see cref="IdempotencyKey"/> must be the
/// same every time this attempt is sent (a retry after a lost answer included): Stripe then answers with the first result
/// instead of charging again. <see cref="AmountMinor"/> is in the currency's minor unit (cents); <see cref="Currency"/> an ISO
/// 4217 code.
/// </summary>
public sealed record ChargeRequest(
    string StripeCustomerId,
    string PaymentMethodId,
    long AmountMinor,
    string Currency,
    string IdempotencyKey,
    string InvoiceId,
    int Attempt,
    string Description);
