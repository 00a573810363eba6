namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's AddressLocationInfo: one address of a transaction (shipFrom, shipTo).</summary>
public sealed record AddressLocationInfo
{
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }
    public string? PostalCode { get; init; }
}
