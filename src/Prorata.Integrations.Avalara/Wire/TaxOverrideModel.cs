namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's TaxOverrideModel; Prorata sends only <c>type: "TaxDate"</c>, so a return is taxed at the original sale's rates.</summary>
public sealed record TaxOverrideModel
{
    public string Type { get; init; } = "TaxDate";
    public DateOnly? TaxDate { get; init; }
    public string? Reason { get; init; }
}
