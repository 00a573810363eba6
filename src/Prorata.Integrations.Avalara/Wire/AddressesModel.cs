namespace Prorata.Integrations.Avalara.Wire;

/// <summary>AvaTax's AddressesModel: where the service is provided from and to.</summary>
public sealed record AddressesModel
{
    public AddressLocationInfo? ShipFrom { get; init; }
    public AddressLocationInfo? ShipTo { get; init; }
}
