namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's ValidatedAddressInfo: the address as AvaTax normalised it.</summary>
public sealed record ValidatedAddressInfo
{
    public string? AddressType { get; init; }
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }
    public string? PostalCode { get; init; }
}
