using System.Net;

namespace Prorata.Integrations.GoCardless;

/// <summary>
/// GoCardless answered with a 4xx that a retry will not change: the request, the resource's state or the credentials need a
/// person. <see cref="ErrorType"/> is GoCardless's type (invalid_api_usage, invalid_state, validation_failed) and
/// <see cref="Reasons"/> the reasons or fields of its errors (authentication_failed, cancellation_failed, charge_date…).
/// </summary>
public sealed class GoCardlessRefusedException(
    HttpStatusCode status, string? errorType, IReadOnlyList<string> reasons, string? requestId, string message, string? conflictingResourceId = null)
    : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public string? ErrorType { get; } = errorType;

    public IReadOnlyList<string> Reasons { get; } = reasons;

    /// <summary>GoCardless's request id, which its support asks for.</summary>
    public string? RequestId { get; } = requestId;

    /// <summary>On a 409 idempotent_creation_conflict: the resource the idempotency key created first.</summary>
    public string? ConflictingResourceId { get; } = conflictingResourceId;
}
