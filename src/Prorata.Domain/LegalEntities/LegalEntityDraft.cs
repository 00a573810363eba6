using Prorata.Domain.Parties;

namespace Prorata.Domain.LegalEntities;

/// <summary>A legal entity of the partner as typed, before validation; enumerations still text so a wrong one is named back.</summary>
public sealed record LegalEntityDraft(
    string? Name,
    PostalAddressDraft? Address,
    string? TaxId,
    string? Currency,
    string? Email,
    string? BankAccountName,
    string? Iban,
    string? Bic,
    string? PaymentText,
    string? InvoicePrefix,
    string? CreditNotePrefix,
    int? DefaultPaymentTermsDays,
    string? TaxProvider,
    string? AvalaraCompanyCode);
