using Prorata.Data.Customers;

namespace Prorata.Web.Features.Customers;

public sealed record CustomerResponse(
    Guid Id,
    string Name,
    string Currency,
    string BillingEmail,
    Guid? ParentCustomerId,
    bool CreditHold,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    AddressRequest? BillingAddress,
    AddressRequest? ServiceAddress,
    string? TaxId,
    bool TaxExempt,
    string? TaxExemptionCertificate,
    IReadOnlyList<string> AdditionalBillingEmails,
    string PreferredLanguage,
    bool DunningHold)
{
    public static CustomerResponse From(Customer c)
    {
        var profile = c.Profile;
        return new(c.Id, c.Name, c.Currency, c.BillingEmail, c.ParentCustomerId, c.CreditHold, c.CreatedAt, c.UpdatedAt, c.Version,
            AddressRequest.From(profile.BillingAddress), AddressRequest.From(profile.ServiceAddress), profile.TaxId, profile.TaxExempt,
            profile.TaxExemptionCertificate, profile.AdditionalBillingEmails, profile.PreferredLanguage, c.DunningHold);
    }
}
