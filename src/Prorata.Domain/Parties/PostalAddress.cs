namespace Prorata.Domain.Parties;

/// <summary>
/// A postal address as an invoice prints it and UBL structures it. <see cref="Country"/> is ISO 3166-1 alpha-2 (tax
/// follows it); <see cref="Region"/> is the state or province where tax differs by region (US states, Canadian provinces).
/// </summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string PostalCode, string? Region, string Country);

/// <summary>An address as typed, before validation. Every field may be missing; <see cref="AddressRules"/> says which must not.</summary>
public sealed record PostalAddressDraft(string? Line1, string? Line2, string? City, string? PostalCode, string? Region, string? Country)
{
    public bool IsEmpty => new[] { Line1, Line2, City, PostalCode, Region, Country }.All(string.IsNullOrWhiteSpace);
}
