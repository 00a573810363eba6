using Prorata.Domain.Customers;
using Prorata.Domain.Parties;

namespace Prorata.Web.Features.Customers;

/// <summary>
/// Body of POST and PUT /api/v1/customers. <see cref="Version"/> (PUT only, optional) guards against lost updates. The
/// billing profile (addresses, tax id, exemption, more billing e-mails, language) is optional; a PUT replaces it whole.
/// </summary>
public sealed record CustomerRequest(string? Name, string? Currency, string? BillingEmail, Guid? ParentCustomerId, bool? CreditHold, int? Version)
{
    public AddressRequest? BillingAddress { get; init; }
    public AddressRequest? ServiceAddress { get; init; }
    public string? TaxId { get; init; }
    public bool? TaxExempt { get; init; }
    public string? TaxExemptionCertificate { get; init; }
    public List<string>? AdditionalBillingEmails { get; init; }
    public string? PreferredLanguage { get; init; }

    public CustomerDraft ToDraft() => new(Name, Currency, BillingEmail, ParentCustomerId, CreditHold)
    {
        BillingAddress = BillingAddress?.ToDraft(),
        ServiceAddress = ServiceAddress?.ToDraft(),
        TaxId = TaxId,
        TaxExempt = TaxExempt,
        TaxExemptionCertificate = TaxExemptionCertificate,
        AdditionalBillingEmails = AdditionalBillingEmails,
        PreferredLanguage = PreferredLanguage,
    };
}

/// <summary>A postal address; country is ISO 3166-1 alpha-2 (DE, US), region the state or province where tax differs by it.</summary>
public sealed record AddressRequest(string? Line1, string? Line2, string? City, string? PostalCode, string? Region, string? Country)
{
    public PostalAddressDraft ToDraft() => new(Line1, Line2, City, PostalCode, Region, Country);

    public static AddressRequest? From(PostalAddress? a) => a is null ? null : new(a.Line1, a.Line2, a.City, a.PostalCode, a.Region, a.Country);
}
