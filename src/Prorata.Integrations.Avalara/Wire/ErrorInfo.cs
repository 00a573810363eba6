namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's ErrorInfo: <c>code</c> names the error (AuthenticationException, JurisdictionNotFoundError…).</summary>
public sealed record ErrorInfo
{
    public string? Code { get; init; }
    public string? Message { get; init; }
    public string? Target { get; init; }
    public IReadOnlyList<ErrorDetail>? Details { get; init; }
}
