using Prorata.Application.Invoices.Documents;

namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// What an invoice e-mail says. Total is in currency precision (<see cref="MinorUnits"/> decimals: EUR 2, JPY 0, BHD 3);
/// a credit note's total is shown without its sign. <see cref="CreditedNumber"/>: the invoice a credit note corrects.
/// <see cref="PaymentInstructions"/> is printed as given (several lines allowed). Language: "de", "de-AT", "fr_BE" …;
/// anything unknown gets English.
/// </summary>
public sealed record InvoiceEmailFacts(
    string? Language,
    InvoiceDocumentKind Kind,
    string SellerName,
    string BuyerName,
    string Number,
    string? CreditedNumber,
    decimal Total,
    string Currency,
    int MinorUnits,
    DateOnly? DueDate,
    string? PaymentInstructions);
