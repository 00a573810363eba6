namespace Prorata.Application.Tax;

/// <summary>
/// An outside tax engine (Avalara AvaTax) that answers a document's tax instead of the built-in rate table, chosen per
/// legal entity. A committed document is recorded at the provider under its code, so asking again with the same code
/// returns what was recorded rather than a second transaction.
/// </summary>
public interface ITaxProvider
{
    /// <summary>Tax per line. <paramref name="commit"/>: record it (an invoice or credit note being issued); otherwise a quote.</summary>
    /// <exception cref="TaxProviderUnavailableException">The provider did not answer or failed on its side: try later.</exception>
    /// <exception cref="TaxProviderRefusedException">The provider refused the document (an address it cannot resolve…): a person must fix it.</exception>
    Task<ProviderTax> CalculateAsync(TaxDocument document, bool commit, CancellationToken cancellationToken);

    /// <summary>Voids a committed document (an invoice voided in Prorata).</summary>
    Task VoidAsync(string companyCode, string documentCode, CancellationToken cancellationToken);

    /// <summary>Checks and normalises an address (the customer profile's "resolve" button).</summary>
    Task<TaxAddressResolution> ResolveAddressAsync(TaxAddress address, CancellationToken cancellationToken);
}

public enum TaxDocumentType
{
    Invoice,

    /// <summary>Negative amounts that reverse (part of) an earlier invoice; <see cref="TaxDocument.ReferenceCode"/> names it.</summary>
    CreditNote,
}

public sealed record TaxAddress(string Line1, string? Line2, string City, string? Region, string PostalCode, string Country);

/// <summary>One line: its amount in the document's currency (negative on a credit note) and what it is.</summary>
public sealed record TaxDocumentLine(string Number, decimal Amount, decimal Quantity, string ItemCode, string Description, string? TaxCode);

/// <summary>
/// A document as the provider needs it: the legal entity's company code, the document's code (its invoice number once
/// issued), ship-from (the legal entity) and ship-to (the customer's billing address). On a credit note,
/// <see cref="ReferenceCode"/> names the invoice it reverses and <see cref="ReferenceDate"/> is that invoice's date, so the
/// credit is taxed at the rates the invoice was taxed at.
/// </summary>
public sealed record TaxDocument(
    string CompanyCode,
    string Code,
    TaxDocumentType Type,
    DateOnly Date,
    string Currency,
    string CustomerCode,
    TaxAddress ShipFrom,
    TaxAddress ShipTo,
    string? CustomerTaxId,
    string? ExemptionNumber,
    IReadOnlyList<TaxDocumentLine> Lines,
    string? ReferenceCode = null,
    DateOnly? ReferenceDate = null);

/// <summary>Rate in percent (10.25 for 10.25 %); Name the jurisdiction's tax name(s).</summary>
public sealed record ProviderLineTax(string Number, decimal Tax, decimal Rate, string? Name);

public sealed record ProviderTax(IReadOnlyList<ProviderLineTax> Lines, decimal TotalTax);

public sealed record TaxAddressResolution(bool Resolved, TaxAddress? Address, IReadOnlyList<string> Messages);

public sealed class TaxProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class TaxProviderRefusedException(string message) : Exception(message);
