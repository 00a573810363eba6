using Prorata.Domain.Parties;
using Prorata.Domain.Tax;

namespace Prorata.Application.Invoices.Documents;

/// <summary>
/// An invoice or credit note as its customer receives it, frozen at issue: seller and buyer as they were then, lines in
/// currency precision with their tax, tax per rate, totals, due date and how to pay. The PDF, the UBL XML, the print
/// view and the e-mail are all drawn from this one shape.
/// </summary>
public sealed record InvoiceDocument(
    Guid InvoiceId,
    InvoiceDocumentKind Kind,
    string? Number,
    DateOnly IssueDate,
    DateOnly? DueDate,
    string Currency,
    int MinorUnits,
    InvoiceParty Seller,
    InvoiceParty Buyer,
    string? CreditedNumber,
    DateOnly? CreditedIssueDate,
    TaxTreatment Treatment,
    IReadOnlyList<InvoiceDocumentLine> Lines,
    IReadOnlyList<TaxSummaryRow> TaxSummary,
    decimal Subtotal,
    decimal TaxTotal,
    decimal Total,
    PaymentInstructions? Payment,
    byte[]? SellerLogoPng)
{
    public bool IsDraft => Number is null;
}

public enum InvoiceDocumentKind
{
    Invoice,
    CreditNote,
}

/// <summary>Seller or buyer. TaxId: the VAT or sales-tax number (e.g. FR40303265045).</summary>
public sealed record InvoiceParty(string Name, PostalAddress? Address, string? TaxId, string? Email);

/// <summary>How the customer pays: the legal entity's bank account and any free text it prints.</summary>
public sealed record PaymentInstructions(string? AccountName, string? Iban, string? Bic, string? Text);

/// <summary>
/// One line: Description names the product (subscription title), Detail the period and kind ("Monthly charge 1–31 Jan
/// 2026"); UnitPrice is the contract's price per seat and cycle and Amount the line's rounded amount (for a prorated
/// line Quantity × UnitPrice ≠ Amount; <see cref="Arithmetic"/> shows why, for the staff page and the optional appendix).
/// TaxRate in percent; TaxCategory is the UN/CEFACT 5305 code UBL needs (S standard, AE reverse charge, G export
/// outside the EU, E exempt, O outside the scope of tax).
/// </summary>
public sealed record InvoiceDocumentLine(
    int Position,
    string Description,
    string Detail,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Quantity,
    decimal UnitPrice,
    decimal Amount,
    decimal TaxRate,
    decimal Tax,
    string TaxCategory,
    string Arithmetic);

/// <summary>Tax per rate: the base it applies to and the tax, each the sum of its lines.</summary>
public sealed record TaxSummaryRow(string TaxCategory, decimal Rate, string Name, decimal Taxable, decimal Tax);
