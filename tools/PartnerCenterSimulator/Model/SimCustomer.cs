namespace PartnerCenterSimulator.Model;

public sealed record SimCustomer(
    string Id,
    string CommerceId,
    string CompanyName,
    string Domain,
    string Country,
    string RelationshipToPartner,
    DateTimeOffset CreatedAt);
