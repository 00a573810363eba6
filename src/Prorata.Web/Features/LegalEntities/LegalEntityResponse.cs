using Prorata.Data.LegalEntities;
using Prorata.Domain.Contracts;
using Prorata.Web.Features.Customers;

namespace Prorata.Web.Features.LegalEntities;

/// <summary>A legal entity; canIssue is false (with the reason) while it lacks what an invoice must print.</summary>
public sealed record LegalEntityResponse(
    Guid Id,
    string Name,
    AddressRequest? Address,
    string? TaxId,
    string Currency,
    string? Email,
    string? BankAccountName,
    string? Iban,
    string? Bic,
    string? PaymentText,
    string InvoicePrefix,
    string CreditNotePrefix,
    int DefaultPaymentTermsDays,
    string TaxProvider,
    string? AvalaraCompanyCode,
    bool HasLogo,
    bool CanIssue,
    string? CannotIssueReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static LegalEntityResponse From(LegalEntity e)
    {
        var why = Domain.LegalEntities.LegalEntityRules.CannotIssue(e.Name, e.Address);
        return new(e.Id, e.Name, AddressRequest.From(e.Address), e.TaxId, e.Currency, e.Email, e.BankAccountName, e.Iban, e.Bic, e.PaymentText, e.InvoicePrefix,
            e.CreditNotePrefix, e.DefaultPaymentTermsDays, EnumText.ToWire(e.TaxProvider), e.AvalaraCompanyCode, e.LogoPng is not null, why is null, why,
            e.CreatedAt, e.UpdatedAt, e.Version);
    }
}
