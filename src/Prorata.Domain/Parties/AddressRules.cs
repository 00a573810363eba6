using Prorata.Domain.Contracts;

namespace Prorata.Domain.Parties;

/// <summary>The checks of a postal address, for a legal entity's and a customer's (billing or service) address alike.</summary>
public static class AddressRules
{
    public const int MaxLineLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxPostalCodeLength = 20;
    public const int MaxRegionLength = 50;

    /// <summary>A whole address or none: an empty draft is no address; a partial one names each missing field.</summary>
    /// <param name="draft">What was typed; null or all empty means no address.</param>
    /// <param name="field">The wire name of the address ("billingAddress"), prefixed to each field's name.</param>
    /// <param name="errors">Collects the refusals.</param>
    public static PostalAddress? Validate(PostalAddressDraft? draft, string field, ValidationErrors errors)
    {
        if (draft is null || draft.IsEmpty) return null;
        var line1 = InputBounds.Text(draft.Line1, $"{field}.line1", MaxLineLength, errors);
        var line2 = InputBounds.Text(draft.Line2, $"{field}.line2", MaxLineLength, errors, required: false);
        var city = InputBounds.Text(draft.City, $"{field}.city", MaxCityLength, errors);
        var postalCode = InputBounds.Text(draft.PostalCode, $"{field}.postalCode", MaxPostalCodeLength, errors);
        var region = InputBounds.Text(draft.Region, $"{field}.region", MaxRegionLength, errors, required: false)?.ToUpperInvariant();
        var country = Country(draft.Country, $"{field}.country", errors);
        return line1 is null || city is null || postalCode is null || country is null
            ? null
            : new PostalAddress(line1, line2, city, postalCode, region, country);
    }

    /// <summary>An ISO 3166-1 alpha-2 code, upper-cased: "fr" is "FR"; "France" is refused with the expected shape.</summary>
    public static string? Country(string? value, string field, ValidationErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, $"{Leaf(field)} is required (an ISO 3166-1 alpha-2 code such as DE or US).");
            return null;
        }
        if (text.Length != 2 || !text.All(char.IsAsciiLetter))
        {
            errors.Add(field, $"{Leaf(field)} must be an ISO 3166-1 alpha-2 code such as DE or US; got '{InputBounds.Printable(text)}'.");
            return null;
        }
        return text.ToUpperInvariant();
    }

    private static string Leaf(string field) => field.Split('.')[^1];
}
