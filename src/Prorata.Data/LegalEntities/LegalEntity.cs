using Prorata.Domain.LegalEntities;
using Prorata.Domain.Parties;

namespace Prorata.Data.LegalEntities;

/// <summary>
/// A company of the partner that issues invoices (a partner may bill from several: one per country or currency). Its
/// invoices and credit notes are numbered in its own gap-free sequences, under its own prefixes.
/// </summary>
public sealed class LegalEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    public string? Country { get; set; }

    public string? TaxId { get; set; }

    public required string Currency { get; set; }

    /// <summary>Invoices are e-mailed from this address.</summary>
    public string? Email { get; set; }

    public string? BankAccountName { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? PaymentText { get; set; }

    public byte[]? LogoPng { get; set; }

    public required string InvoicePrefix { get; set; }
    public required string CreditNotePrefix { get; set; }

    public int DefaultPaymentTermsDays { get; set; }

    public TaxProviderKind TaxProvider { get; set; }

    public string? AvalaraCompanyCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised by every update; an update that carries an older version is a conflict.</summary>
    public int Version { get; set; }

    public PostalAddress? Address =>
        AddressLine1 is null || City is null || PostalCode is null || Country is null ? null : new(AddressLine1, AddressLine2, City, PostalCode, Region, Country);

    public void SetAddress(PostalAddress? address)
    {
        AddressLine1 = address?.Line1;
        AddressLine2 = address?.Line2;
        City = address?.City;
        PostalCode = address?.PostalCode;
        Region = address?.Region;
        Country = address?.Country;
    }
}
