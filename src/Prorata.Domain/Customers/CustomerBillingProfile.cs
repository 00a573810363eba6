using Prorata.Domain.Parties;

namespace Prorata.Domain.Customers;

/// <summary>
/// What an invoice needs to know about its buyer: where to address it (billing address; its country and region decide
/// the tax), where the services are used, the buyer's tax id (a reverse charge needs it), whether it is exempt (with the
/// certificate that proves it), who else receives the invoice and in which language.
/// </summary>
public sealed record CustomerBillingProfile(
    PostalAddress? BillingAddress,
    PostalAddress? ServiceAddress,
    string? TaxId,
    bool TaxExempt,
    string? TaxExemptionCertificate,
    IReadOnlyList<string> AdditionalBillingEmails,
    string PreferredLanguage)
{
    public static readonly CustomerBillingProfile Empty = new(null, null, null, false, null, [], "en");
}
