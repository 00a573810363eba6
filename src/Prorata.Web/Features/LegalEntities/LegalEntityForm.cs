using Prorata.Data.LegalEntities;
using Prorata.Domain.Contracts;
using Prorata.Domain.LegalEntities;
using Prorata.Web.Infrastructure.Forms;

namespace Prorata.Web.Features.LegalEntities;

/// <summary>The legal entity form's fields; property names match the API's so refusals land next to their field.</summary>
public sealed class LegalEntityForm
{
    public string? Name { get; set; }
    public AddressForm Address { get; set; } = new();
    public string? TaxId { get; set; }
    public string? Currency { get; set; } = "EUR";
    public string? Email { get; set; }
    public string? BankAccountName { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? PaymentText { get; set; }
    public string? InvoicePrefix { get; set; } = "INV-";
    public string? CreditNotePrefix { get; set; } = "CN-";
    public int? DefaultPaymentTermsDays { get; set; } = BillingContractRules.DefaultPaymentTermsDays;
    public string? TaxProvider { get; set; } = EnumText.ToWire(TaxProviderKind.BuiltIn);
    public string? AvalaraCompanyCode { get; set; }
    public int Version { get; set; }

    public static LegalEntityForm From(LegalEntity e) => new()
    {
        Name = e.Name,
        Address = AddressForm.From(e.Address),
        TaxId = e.TaxId,
        Currency = e.Currency,
        Email = e.Email,
        BankAccountName = e.BankAccountName,
        Iban = e.Iban,
        Bic = e.Bic,
        PaymentText = e.PaymentText,
        InvoicePrefix = e.InvoicePrefix,
        CreditNotePrefix = e.CreditNotePrefix,
        DefaultPaymentTermsDays = e.DefaultPaymentTermsDays,
        TaxProvider = EnumText.ToWire(e.TaxProvider),
        AvalaraCompanyCode = e.AvalaraCompanyCode,
        Version = e.Version,
    };

    public LegalEntityDraft ToDraft() => new(Name, (Address ?? new()).ToDraft(), TaxId, Currency, Email, BankAccountName, Iban, Bic, PaymentText, InvoicePrefix,
        CreditNotePrefix, DefaultPaymentTermsDays, TaxProvider, AvalaraCompanyCode);
}
