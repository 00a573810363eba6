using AvalaraSimulator.Tax;

namespace AvalaraSimulator.Api;

/// <summary>
/// ResolveAddress (<c>POST /api/v2/addresses/resolve</c>, and GET with the same fields in the query). An address whose
/// country and postal code the jurisdiction table knows comes back normalised (upper case unless <c>textCase</c> is
/// Mixed, region from the table) at postal-code quality; any other comes back, as AvaTax answers it, with 200, the
/// address echoed as UnknownAddressType and an error message.
/// </summary>
public static class AddressEndpoints
{
    public static void MapAddressEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v2/addresses/resolve", (AddressInput address, JurisdictionTable table) => Results.Json(Resolve(address, table)));
        app.MapGet("/api/v2/addresses/resolve", (string? line1, string? line2, string? line3, string? city, string? region, string? postalCode, string? country, string? textCase, JurisdictionTable table) =>
            Results.Json(Resolve(new AddressInput(line1, line2, line3, city, region, country, postalCode, textCase), table)));
    }

    private static AddressResolutionOutput Resolve(AddressInput address, JurisdictionTable table)
    {
        if (table.Locate(address.Country, address.Region, address.PostalCode) is not { } jurisdiction)
        {
            return new AddressResolutionOutput(
                address,
                [new ValidatedAddressOutput("UnknownAddressType", address.Line1, address.Line2, address.Line3, address.City, address.Region, address.Country, address.PostalCode)],
                "NotCoded",
                [new MessageOutput(
                    "The address is not deliverable.",
                    $"The postal code {address.PostalCode} was not found in {address.Region ?? address.Country}.",
                    "Address", "Error", "Avalara.AvaTax.Common")]);
        }
        var mixed = string.Equals(address.TextCase, "Mixed", StringComparison.OrdinalIgnoreCase);
        string? Case(string? text) => text is null || mixed ? text : text.ToUpperInvariant();
        return new AddressResolutionOutput(
            address,
            [new ValidatedAddressOutput("StreetOrResidentialAddress", Case(address.Line1), Case(address.Line2) ?? "", Case(address.Line3) ?? "",
                Case(address.City), jurisdiction.Region ?? Case(address.Region), jurisdiction.Country, address.PostalCode?.Trim())],
            "PostalCentroidGood",
            null);
    }
}
