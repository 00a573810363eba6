namespace Prorata.Domain.Tax;

/// <summary>
/// A seller (the partner's legal entity) or a customer as tax sees them. <see cref="Country"/> is ISO 3166-1 alpha-2 in
/// upper case ("DE", "US"), or empty when nobody recorded it; <see cref="Region"/> the state or province where the table
/// has rows for it ("WA"); <see cref="TaxId"/> the VAT or sales-tax number; <see cref="TaxExempt"/> a certificate on file.
/// </summary>
public sealed record TaxParty(string Country, string? Region, string? TaxId, bool TaxExempt)
{
    public bool HasTaxId => !string.IsNullOrWhiteSpace(TaxId);
}
