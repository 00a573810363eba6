namespace Prorata.Web.Features.Customers;

/// <summary>The tax provider's reading of an address: whether it placed it, the address as it would write it, and why not.</summary>
public sealed record AddressResolutionResponse(bool Resolved, AddressRequest? Address, IReadOnlyList<string> Messages);
