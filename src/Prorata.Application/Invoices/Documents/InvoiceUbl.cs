using Prorata.Domain.Parties;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Prorata.Application.Invoices.Documents;

/// <summary>
/// The invoice or credit note as UBL 2.1 XML following PEPPOL BIS Billing 3.0: an Invoice (type 380) or a CreditNote (381),
/// elements in the order the OASIS schema requires.
/// <para>
/// Signs. A Prorata credit note carries negative amounts (billing-rules §5: it adds to the customer's credit balance); in
/// UBL the document type says it is a credit, so every amount of a credit note is written negated (a −33.33 line is a
/// 33.33 CreditNoteLine, a −6.33 tax is 6.33). A line whose sign differs from its document's stays negative in UBL.
/// </para>
/// <para>
/// Line prices. PEPPOL-EN16931-R120 wants line net amount = quantity × price ÷ base quantity. When quantity × the contract's
/// unit price rounds to the line amount, the price is that unit price. A prorated line's amount is not (5 seats × 15.00 ×
/// 18/31 = 43.55); its price is then the line amount for the whole quantity (PriceAmount 43.55, BaseQuantity 5), which makes
/// the rule hold exactly, with no price rounded to some arbitrary number of decimals. The price is never negative (BR-27):
/// a negative line has a negative quantity. A line without a quantity is sent as one unit at its amount.
/// </para>
/// Drafts have no number and are not sent: writing one is refused.
/// </summary>
public sealed class InvoiceUbl
{
    public const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /// <summary>UN/ECE Recommendation 20 "one": a seat, a licence, a unit of usage.</summary>
    public const string UnitCode = "C62";

    private static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>A VAT number starts with its country's ISO prefix (BR-CO-9; Greece uses EL).</summary>
    private static readonly Regex VatNumber = new("^[A-Z]{2}[0-9A-Za-z+*.]{2,13}$", RegexOptions.CultureInvariant);

    public XDocument Write(InvoiceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.IsDraft) throw new InvalidOperationException($"Invoice {document.InvoiceId} is a draft: it has no number and is not sent as UBL.");
        var credit = document.Kind == InvoiceDocumentKind.CreditNote;
        var sign = credit ? -1m : 1m;
        var root = credit ? CreditNoteNs + "CreditNote" : InvoiceNs + "Invoice";
        // BR-O-2..4: a document with lines outside the scope of VAT carries no VAT identifiers.
        var outsideVat = document.Lines.Any(l => l.TaxCategory == "O");

        var xml = new XElement(root,
            new XAttribute(XNamespace.Xmlns + "cac", Cac.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc.NamespaceName),
            new XElement(Cbc + "CustomizationID", CustomizationId),
            new XElement(Cbc + "ProfileID", ProfileId),
            new XElement(Cbc + "ID", document.Number),
            new XElement(Cbc + "IssueDate", Date(document.IssueDate)),
            credit || document.DueDate is not { } due ? null : new XElement(Cbc + "DueDate", Date(due)),
            new XElement(Cbc + (credit ? "CreditNoteTypeCode" : "InvoiceTypeCode"), credit ? "381" : "380"),
            InvoiceWording.TreatmentNotice(document.Treatment) is { } notice ? new XElement(Cbc + "Note", notice) : null,
            new XElement(Cbc + "DocumentCurrencyCode", document.Currency),
            // PEPPOL-EN16931-R003 asks for a buyer reference or an order reference; Prorata has no purchase order yet, so the
            // customer finds the document by its number.
            new XElement(Cbc + "BuyerReference", document.Number),
            credit && document.CreditedNumber is { } credited
                ? new XElement(Cac + "BillingReference",
                    new XElement(Cac + "InvoiceDocumentReference",
                        new XElement(Cbc + "ID", credited),
                        document.CreditedIssueDate is { } creditedOn ? new XElement(Cbc + "IssueDate", Date(creditedOn)) : null))
                : null,
            new XElement(Cac + "AccountingSupplierParty", Party(document.Seller, outsideVat)),
            new XElement(Cac + "AccountingCustomerParty", Party(document.Buyer, outsideVat)),
            PaymentMeans(document, credit),
            document.Payment?.Text is { Length: > 0 } terms ? new XElement(Cac + "PaymentTerms", new XElement(Cbc + "Note", terms)) : null,
            new XElement(Cac + "TaxTotal",
                Amount("TaxAmount", sign * document.TaxTotal, document),
                document.TaxSummary.Select(row => new XElement(Cac + "TaxSubtotal",
                    Amount("TaxableAmount", sign * row.Taxable, document),
                    Amount("TaxAmount", sign * row.Tax, document),
                    TaxCategory("TaxCategory", row.TaxCategory, row.Rate, withExemptionReason: true)))),
            new XElement(Cac + "LegalMonetaryTotal",
                Amount("LineExtensionAmount", sign * document.Subtotal, document),
                Amount("TaxExclusiveAmount", sign * document.Subtotal, document),
                Amount("TaxInclusiveAmount", sign * document.Total, document),
                Amount("PayableAmount", sign * document.Total, document)),
            document.Lines.Select(line => Line(line, document, sign, credit)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), xml);
    }

    /// <summary>The XML as UTF-8 bytes without a byte-order mark, ready for an HTTP response or an e-mail attachment.</summary>
    public byte[] WriteUtf8(InvoiceDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            Write(document).Save(writer);
        return stream.ToArray();
    }

    private static XElement Party(InvoiceParty party, bool outsideVat)
    {
        var vat = !outsideVat && party.TaxId is { } id && VatNumber.IsMatch(id) ? id : null;
        // A tax id that is not a VAT number (a US EIN, or any id on a document outside the scope of VAT) identifies the
        // legal entity instead.
        var registration = vat is null ? party.TaxId : null;
        return new XElement(Cac + "Party",
            party.Email is { Length: > 0 } email ? new XElement(Cbc + "EndpointID", new XAttribute("schemeID", "EM"), email) : null,
            party.Address is { } address
                ? new XElement(Cac + "PostalAddress",
                    new XElement(Cbc + "StreetName", address.Line1),
                    string.IsNullOrWhiteSpace(address.Line2) ? null : new XElement(Cbc + "AdditionalStreetName", address.Line2),
                    new XElement(Cbc + "CityName", address.City),
                    new XElement(Cbc + "PostalZone", address.PostalCode),
                    string.IsNullOrWhiteSpace(address.Region) ? null : new XElement(Cbc + "CountrySubentity", address.Region),
                    new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", address.Country)))
                : null,
            vat is null
                ? null
                : new XElement(Cac + "PartyTaxScheme",
                    new XElement(Cbc + "CompanyID", vat),
                    new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT"))),
            new XElement(Cac + "PartyLegalEntity",
                new XElement(Cbc + "RegistrationName", party.Name),
                string.IsNullOrWhiteSpace(registration) ? null : new XElement(Cbc + "CompanyID", registration)));
    }

    private static XElement? PaymentMeans(InvoiceDocument document, bool credit)
    {
        if (credit)
        {
            // billing-rules §5: a credit note is set against the customer's later invoices, not paid into the seller's
            // account; UNCL 4461 code 97 is "clearing between partners" (30 and 58 would require the seller's IBAN, BR-61).
            return document.DueDate is { } due
                ? new XElement(Cac + "PaymentMeans", new XElement(Cbc + "PaymentMeansCode", "97"), new XElement(Cbc + "PaymentDueDate", Date(due)))
                : null;
        }
        if (document.Payment is not { Iban: { Length: > 0 } iban } payment) return null;
        // 58 SEPA credit transfer for euros, 30 credit transfer otherwise (UNCL 4461).
        return new XElement(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", document.Currency == "EUR" ? "58" : "30"),
            new XElement(Cbc + "PaymentID", document.Number),
            new XElement(Cac + "PayeeFinancialAccount",
                new XElement(Cbc + "ID", iban.Replace(" ", "", StringComparison.Ordinal)),
                string.IsNullOrWhiteSpace(payment.AccountName) ? null : new XElement(Cbc + "Name", payment.AccountName),
                string.IsNullOrWhiteSpace(payment.Bic) ? null : new XElement(Cac + "FinancialInstitutionBranch", new XElement(Cbc + "ID", payment.Bic))));
    }

    private static XElement Line(InvoiceDocumentLine line, InvoiceDocument document, decimal sign, bool credit)
    {
        var amount = sign * line.Amount;
        var (quantity, price, baseQuantity) = Pricing(line, amount, document.MinorUnits);
        return new XElement(Cac + (credit ? "CreditNoteLine" : "InvoiceLine"),
            new XElement(Cbc + "ID", line.Position.ToString(CultureInfo.InvariantCulture)),
            new XElement(Cbc + (credit ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", UnitCode), Number(quantity)),
            Amount("LineExtensionAmount", amount, document),
            new XElement(Cac + "InvoicePeriod",
                new XElement(Cbc + "StartDate", Date(line.PeriodStart)),
                new XElement(Cbc + "EndDate", Date(line.PeriodEnd))),
            new XElement(Cac + "Item",
                string.IsNullOrWhiteSpace(line.Detail) ? null : new XElement(Cbc + "Description", line.Detail),
                new XElement(Cbc + "Name", line.Description),
                TaxCategory("ClassifiedTaxCategory", line.TaxCategory, line.TaxRate, withExemptionReason: false)),
            new XElement(Cac + "Price",
                new XElement(Cbc + "PriceAmount", new XAttribute("currencyID", document.Currency), Number(price)),
                baseQuantity is { } per ? new XElement(Cbc + "BaseQuantity", new XAttribute("unitCode", UnitCode), Number(per)) : null));
    }

    /// <summary>Quantity, price and base quantity that satisfy R120 for this line (see the class remarks).</summary>
    private static (decimal Quantity, decimal Price, decimal? BaseQuantity) Pricing(InvoiceDocumentLine line, decimal amount, int minorUnits)
    {
        var quantity = Math.Abs(line.Quantity);
        var direction = amount < 0 ? -1m : 1m;
        if (quantity == 0) return (direction, Math.Abs(amount), null);
        var unitPrice = Math.Abs(line.UnitPrice);
        var halfMinorUnit = 0.5m / Pow10(minorUnits);
        return Math.Abs(quantity * unitPrice - Math.Abs(amount)) <= halfMinorUnit
            ? (direction * quantity, unitPrice, null)
            : (direction * quantity, Math.Abs(amount), quantity);
    }

    private static XElement TaxCategory(string name, string category, decimal rate, bool withExemptionReason)
    {
        var (reasonCode, reason) = withExemptionReason ? ExemptionReason(category) : (null, null);
        return new XElement(Cac + name,
            new XElement(Cbc + "ID", category),
            // BR-O-5, BR-O-10: no rate for a supply outside the scope of VAT.
            category == "O" ? null : new XElement(Cbc + "Percent", Number(rate)),
            reasonCode is null ? null : new XElement(Cbc + "TaxExemptionReasonCode", reasonCode),
            reason is null ? null : new XElement(Cbc + "TaxExemptionReason", reason),
            new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")));
    }

    /// <summary>BR-AE-10, BR-E-10, BR-G-10, BR-O-10: a breakdown without VAT says why, with a CEF VATEX code where one fits.</summary>
    private static (string? Code, string? Reason) ExemptionReason(string category) => category switch
    {
        "AE" => ("VATEX-EU-AE", "Reverse charge"),
        "G" => ("VATEX-EU-G", "Export outside the EU"),
        "O" => ("VATEX-EU-O", "Not subject to VAT"),
        "E" => (null, InvoiceWording.ExemptNotice),
        _ => (null, null),
    };

    private static XElement Amount(string name, decimal value, InvoiceDocument document) =>
        new(Cbc + name, new XAttribute("currencyID", document.Currency),
            Math.Round(value, document.MinorUnits, MidpointRounding.AwayFromZero).ToString("F" + document.MinorUnits, CultureInfo.InvariantCulture));

    private static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10m;
        return result;
    }
}
