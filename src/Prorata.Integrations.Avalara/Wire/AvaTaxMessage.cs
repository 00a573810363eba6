namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's AvaTaxMessage: an informational or warning message (an address it could not resolve…).</summary>
public sealed record AvaTaxMessage
{
    public string? Summary { get; init; }
    public string? Details { get; init; }
    public string? RefersTo { get; init; }
    public string? Severity { get; init; }
    public string? Source { get; init; }
}
