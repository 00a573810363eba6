using System.Net;
using Prorata.Integrations.Avalara.Wire;

namespace Prorata.Integrations.Avalara;

/// <summary>
/// AvaTax answered with a 4xx: the request (an address it cannot locate, a document it will not change) or the credentials
/// need a person. <see cref="ErrorCode"/> is AvaTax's code (JurisdictionNotFoundError, AuthenticationException…).
/// </summary>
public sealed class AvalaraRefusedException(HttpStatusCode status, ErrorInfo? error, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public string? ErrorCode { get; } = error?.Code;

    public ErrorInfo? Error { get; } = error;
}
