namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's AddressValidationInfo: the body of <c>POST /api/v2/addresses/resolve</c>.</summary>
public sealed record AddressValidationInfo
{
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }
    public string? PostalCode { get; init; }

    /// <summary><c>Upper</c> (AvaTax's default) or <c>Mixed</c>.</summary>
    public string? TextCase { get; init; }
}
