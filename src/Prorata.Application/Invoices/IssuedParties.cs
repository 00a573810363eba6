using System.Text.Json;
using Prorata.Application.Invoices.Documents;
using Prorata.Data.Customers;
using Prorata.Data.LegalEntities;

namespace Prorata.Application.Invoices;

/// <summary>
/// Seller, buyer and payment instructions as an invoice printed them when it was issued, stored with it: renaming the
/// entity or moving the customer later must not change a document the customer already holds.
/// </summary>
public sealed record IssuedParties(InvoiceParty Seller, InvoiceParty Buyer, PaymentInstructions? Payment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IssuedParties Of(LegalEntity seller, Customer buyer) => new(
        new InvoiceParty(seller.Name, seller.Address, seller.TaxId, seller.Email),
        new InvoiceParty(buyer.Name, buyer.BillingAddress, buyer.TaxId, buyer.BillingEmail),
        seller.Iban is null && seller.PaymentText is null && seller.BankAccountName is null
            ? null
            : new PaymentInstructions(seller.BankAccountName ?? seller.Name, seller.Iban, seller.Bic, seller.PaymentText));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IssuedParties? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<IssuedParties>(json, Json);
}
