namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's ErrorDetail.</summary>
public sealed record ErrorDetail
{
    public string? Code { get; init; }
    public int? Number { get; init; }
    public string? Message { get; init; }
    public string? Description { get; init; }
    public string? FaultCode { get; init; }
    public string? HelpLink { get; init; }
    public string? RefersTo { get; init; }
    public string? Severity { get; init; }
}
