using Prorata.Domain.Parties;

namespace Prorata.Web.Infrastructure.Forms;

/// <summary>An address's fields on a form; the names match the API's ("billingAddress.line1") so refusals land beside them.</summary>
public sealed class AddressForm
{
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }

    public static AddressForm From(PostalAddress? a) =>
        a is null ? new() : new() { Line1 = a.Line1, Line2 = a.Line2, City = a.City, PostalCode = a.PostalCode, Region = a.Region, Country = a.Country };

    public PostalAddressDraft ToDraft() => new(Line1, Line2, City, PostalCode, Region, Country);
}
