using Prorata.Domain.Money;
using Prorata.Domain.Parties;

namespace Prorata.Domain.LegalEntities;

/// <summary>
/// The partner company that issues invoices: its name, address and tax id print on every invoice; its prefixes and its
/// own gap-free sequences number them; its bank details tell the customer how to pay.
/// </summary>
public sealed record LegalEntityDetails(
    string Name,
    PostalAddress? Address,
    string? TaxId,
    Currency Currency,
    string? Email,
    string? BankAccountName,
    string? Iban,
    string? Bic,
    string? PaymentText,
    string InvoicePrefix,
    string CreditNotePrefix,
    int DefaultPaymentTermsDays,
    TaxProviderKind TaxProvider,
    string? AvalaraCompanyCode);
