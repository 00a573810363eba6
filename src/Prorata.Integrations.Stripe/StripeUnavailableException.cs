namespace Prorata.Integrations.Stripe;

/// <summary>
/// Stripe did not answer (connection lost, timeout) or failed on its side (5xx, 429) after the bounded retries. The request
/// may have been carried out all the same: try again later with the same idempotency key, or ask
/// <see cref="StripeGateway.FindChargeAsync"/> what became of a charge.
/// </summary>
public sealed class StripeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
