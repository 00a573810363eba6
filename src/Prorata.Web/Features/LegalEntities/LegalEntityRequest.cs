using Prorata.Domain.LegalEntities;
using Prorata.Web.Features.Customers;

namespace Prorata.Web.Features.LegalEntities;

/// <summary>
/// Body of POST and PUT /api/v1/legal-entities. taxProvider is builtIn (the rate table) or avalara (with
/// avalaraCompanyCode). <see cref="Version"/> (PUT only, optional) guards against lost updates. The logo has its own call.
/// </summary>
public sealed record LegalEntityRequest(
    string? Name,
    AddressRequest? Address,
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
    string? AvalaraCompanyCode,
    int? Version)
{
    public LegalEntityDraft ToDraft() => new(Name, Address?.ToDraft(), TaxId, Currency, Email, BankAccountName, Iban, Bic, PaymentText, InvoicePrefix,
        CreditNotePrefix, DefaultPaymentTermsDays, TaxProvider, AvalaraCompanyCode);
}
