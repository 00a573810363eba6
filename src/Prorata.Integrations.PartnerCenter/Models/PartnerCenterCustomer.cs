namespace Prorata.Integrations.PartnerCenter.Models;

/// <summary>A customer tenant of the partner (§4.1); <see cref="Id"/> is the customer's tenant id.</summary>
public sealed record PartnerCenterCustomer(string Id, string CompanyName, string? Domain, string? Country, string? RelationshipToPartner);
