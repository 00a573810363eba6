using System.Net;

namespace Prorata.Integrations.Stripe;

/// <summary>
/// Stripe answered with a 4xx that is not a card's decline: bad credentials (401), a request it refuses
/// (invalid_request_error), an idempotency key reused with other parameters (idempotency_error). A person must look.
/// </summary>
public sealed class StripeRefusedException(HttpStatusCode status, string? errorType, string? errorCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Stripe's error type: invalid_request_error, idempotency_error, api_error…</summary>
    public string? ErrorType { get; } = errorType;

    /// <summary>Stripe's error code when it gives one: resource_missing, parameter_missing…</summary>
    public string? ErrorCode { get; } = errorCode;
}
