namespace Prorata.Integrations.GoCardless;

/// <summary>
/// GoCardless did not answer, or failed on its side (5xx, rate limit), after the bounded retries. Try again later with the same
/// idempotency key: a payment that was created meanwhile is returned, not created twice.
/// </summary>
public sealed class GoCardlessUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
