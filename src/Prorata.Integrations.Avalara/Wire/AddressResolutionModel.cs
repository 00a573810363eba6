namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's AddressResolutionModel. An address AvaTax cannot resolve comes back with 200, no validated address and error messages.</summary>
public sealed record AddressResolutionModel
{
    public AddressValidationInfo? Address { get; init; }
    public IReadOnlyList<ValidatedAddressInfo>? ValidatedAddresses { get; init; }
    public string? ResolutionQuality { get; init; }
    public IReadOnlyList<AvaTaxMessage>? Messages { get; init; }
}
