using Prorata.Domain.Parties;
using System.Xml.Linq;
using Prorata.Application.Invoices.Documents;

namespace Prorata.Documents.Tests;

public sealed class InvoiceUblTests
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private readonly InvoiceUbl _ubl = new();

    [Fact]
    public void Write_Invoice_IsValidUbl21()
    {
        Assert.Empty(UblSchemas.Validate(_ubl.Write(SampleDocuments.StandardInvoice())));
    }

    [Fact]
    public void Write_ReverseChargeInvoice_IsValidUbl21()
    {
        Assert.Empty(UblSchemas.Validate(_ubl.Write(SampleDocuments.ReverseChargeInvoice())));
    }

    [Fact]
    public void Write_CreditNote_IsValidUbl21()
    {
        Assert.Empty(UblSchemas.Validate(_ubl.Write(SampleDocuments.CreditNote())));
    }

    [Fact]
    public void Validate_InvoiceWithoutItsId_Fails()
    {
        var xml = _ubl.Write(SampleDocuments.StandardInvoice());
        xml.Root!.Element(Cbc + "ID")!.Remove();

        var problems = UblSchemas.Validate(xml);

        Assert.Contains(problems, p => p.StartsWith("Error:", StringComparison.Ordinal) && p.Contains("IssueDate", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ElementsOutOfOrder_Fails()
    {
        var xml = _ubl.Write(SampleDocuments.CreditNote());
        var total = xml.Root!.Element(Cac + "LegalMonetaryTotal")!;
        total.Remove();
        xml.Root.Element(Cac + "TaxTotal")!.AddBeforeSelf(total);

        Assert.NotEmpty(UblSchemas.Validate(xml));
    }

    [Fact]
    public void Write_Invoice_HeaderPartiesAndPayment()
    {
        var invoice = _ubl.Write(SampleDocuments.StandardInvoice()).Root!;

        Assert.Equal(InvoiceNs + "Invoice", invoice.Name);
        Assert.Equal("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", Text(invoice, "CustomizationID"));
        Assert.Equal("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", Text(invoice, "ProfileID"));
        Assert.Equal("INV-2026-0042", Text(invoice, "ID"));
        Assert.Equal("2026-02-01", Text(invoice, "IssueDate"));
        Assert.Equal("2026-03-03", Text(invoice, "DueDate"));
        Assert.Equal("380", Text(invoice, "InvoiceTypeCode"));
        Assert.Equal("EUR", Text(invoice, "DocumentCurrencyCode"));
        Assert.Null(invoice.Element(Cbc + "Note"));

        var seller = invoice.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!;
        Assert.Equal("billing@contoso.example", Text(seller, "EndpointID"));
        Assert.Equal("EM", seller.Element(Cbc + "EndpointID")!.Attribute("schemeID")!.Value);
        Assert.Equal("FR40303265045", seller.Element(Cac + "PartyTaxScheme")!.Element(Cbc + "CompanyID")!.Value);
        Assert.Equal("VAT", seller.Element(Cac + "PartyTaxScheme")!.Element(Cac + "TaxScheme")!.Element(Cbc + "ID")!.Value);
        Assert.Equal("Contoso Cloud Services SAS", seller.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "RegistrationName")!.Value);
        Assert.Equal("FR", seller.Element(Cac + "PostalAddress")!.Element(Cac + "Country")!.Element(Cbc + "IdentificationCode")!.Value);
        var buyer = invoice.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        Assert.Equal("DE123456789", buyer.Element(Cac + "PartyTaxScheme")!.Element(Cbc + "CompanyID")!.Value);
        Assert.Equal(["Friedrichstraße 100", "3. OG", "Berlin", "10117", "Berlin"],
            buyer.Element(Cac + "PostalAddress")!.Elements().Where(e => e.Name.Namespace == Cbc).Select(e => e.Value));

        var means = invoice.Element(Cac + "PaymentMeans")!;
        Assert.Equal("58", Text(means, "PaymentMeansCode"));
        Assert.Equal("INV-2026-0042", Text(means, "PaymentID"));
        var account = means.Element(Cac + "PayeeFinancialAccount")!;
        Assert.Equal("FR7630006000011234567890189", Text(account, "ID"));
        Assert.Equal("AGRIFRPP", account.Element(Cac + "FinancialInstitutionBranch")!.Element(Cbc + "ID")!.Value);
    }

    [Fact]
    public void Write_Invoice_TotalsTaxAndLines()
    {
        var invoice = _ubl.Write(SampleDocuments.StandardInvoice()).Root!;

        var taxTotal = invoice.Element(Cac + "TaxTotal")!;
        Assert.Equal("32.02", Text(taxTotal, "TaxAmount"));
        Assert.Equal("EUR", taxTotal.Element(Cbc + "TaxAmount")!.Attribute("currencyID")!.Value);
        var subtotal = Assert.Single(taxTotal.Elements(Cac + "TaxSubtotal"));
        Assert.Equal(("168.55", "32.02"), (Text(subtotal, "TaxableAmount"), Text(subtotal, "TaxAmount")));
        var category = subtotal.Element(Cac + "TaxCategory")!;
        Assert.Equal(("S", "19"), (Text(category, "ID"), Text(category, "Percent")));
        Assert.Null(category.Element(Cbc + "TaxExemptionReason"));

        var totals = invoice.Element(Cac + "LegalMonetaryTotal")!;
        Assert.Equal(["168.55", "168.55", "200.57", "200.57"], totals.Elements().Select(e => e.Value));
        Assert.Equal(["LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount"], totals.Elements().Select(e => e.Name.LocalName));

        var lines = invoice.Elements(Cac + "InvoiceLine").ToList();
        Assert.Equal(2, lines.Count);
        // A full-month line keeps the contract's unit price: 10 × 12.50 = 125.00.
        Assert.Equal("10", Text(lines[0], "InvoicedQuantity"));
        Assert.Equal("C62", lines[0].Element(Cbc + "InvoicedQuantity")!.Attribute("unitCode")!.Value);
        Assert.Equal("125.00", Text(lines[0], "LineExtensionAmount"));
        Assert.Equal("12.5", lines[0].Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value);
        Assert.Null(lines[0].Element(Cac + "Price")!.Element(Cbc + "BaseQuantity"));
        Assert.Equal("Microsoft 365 Business Premium", lines[0].Element(Cac + "Item")!.Element(Cbc + "Name")!.Value);
        Assert.Equal("Monthly charge 1–31 Jan 2026", lines[0].Element(Cac + "Item")!.Element(Cbc + "Description")!.Value);
        Assert.Equal(("2026-01-01", "2026-01-31"), (lines[0].Element(Cac + "InvoicePeriod")!.Element(Cbc + "StartDate")!.Value, lines[0].Element(Cac + "InvoicePeriod")!.Element(Cbc + "EndDate")!.Value));
        var classified = lines[0].Element(Cac + "Item")!.Element(Cac + "ClassifiedTaxCategory")!;
        Assert.Equal(("S", "19", "VAT"), (Text(classified, "ID"), Text(classified, "Percent"), classified.Element(Cac + "TaxScheme")!.Element(Cbc + "ID")!.Value));
        // A prorated line, 5 × 15.00 × 18/31 = 43.55: its price is 43.55 for 5 seats, so quantity × price / base quantity = 43.55 (R120).
        Assert.Equal("5", Text(lines[1], "InvoicedQuantity"));
        Assert.Equal("43.55", Text(lines[1], "LineExtensionAmount"));
        Assert.Equal("43.55", lines[1].Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value);
        Assert.Equal("5", lines[1].Element(Cac + "Price")!.Element(Cbc + "BaseQuantity")!.Value);
    }

    [Fact]
    public void Write_ReverseCharge_CategoryAeWithExemptionReasonAndNote()
    {
        var invoice = _ubl.Write(SampleDocuments.ReverseChargeInvoice()).Root!;

        Assert.Equal(InvoiceWording.ReverseChargeNotice, Text(invoice, "Note"));
        var subtotal = Assert.Single(invoice.Element(Cac + "TaxTotal")!.Elements(Cac + "TaxSubtotal"));
        var category = subtotal.Element(Cac + "TaxCategory")!;
        Assert.Equal(["AE", "0", "VATEX-EU-AE", "Reverse charge"], category.Elements().Where(e => e.Name.Namespace == Cbc).Select(e => e.Value));
        Assert.Equal(("168.55", "0.00"), (Text(subtotal, "TaxableAmount"), Text(subtotal, "TaxAmount")));
        Assert.All(invoice.Elements(Cac + "InvoiceLine"), line => Assert.Equal("AE", line.Element(Cac + "Item")!.Element(Cac + "ClassifiedTaxCategory")!.Element(Cbc + "ID")!.Value));
        Assert.Equal("168.55", Text(invoice.Element(Cac + "LegalMonetaryTotal")!, "PayableAmount"));
    }

    [Fact]
    public void Write_OutsideScope_NoRateAndNoVatIdentifiers()
    {
        var document = SampleDocuments.ReverseChargeInvoice() with
        {
            Treatment = Prorata.Domain.Tax.TaxTreatment.OutsideScope,
            Lines = SampleDocuments.ReverseChargeInvoice().Lines.Select(l => l with { TaxCategory = "O" }).ToList(),
            TaxSummary = [new TaxSummaryRow("O", 0m, "Not subject to VAT", 168.55m, 0m)],
        };

        var invoice = _ubl.Write(document);

        Assert.Empty(UblSchemas.Validate(invoice));
        var category = invoice.Root!.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!.Element(Cac + "TaxCategory")!;
        Assert.Equal(["O", "VATEX-EU-O", "Not subject to VAT"], category.Elements().Where(e => e.Name.Namespace == Cbc).Select(e => e.Value));
        Assert.Empty(invoice.Descendants(Cac + "PartyTaxScheme"));
        Assert.Equal(["FR40303265045", "DE123456789"], invoice.Descendants(Cac + "PartyLegalEntity").Select(e => e.Element(Cbc + "CompanyID")!.Value));
    }

    [Fact]
    public void Write_CreditNote_PositiveAmountsReferencingTheCreditedInvoice()
    {
        var creditNote = _ubl.Write(SampleDocuments.CreditNote()).Root!;

        Assert.Equal(CreditNoteNs + "CreditNote", creditNote.Name);
        Assert.Equal("381", Text(creditNote, "CreditNoteTypeCode"));
        Assert.Null(creditNote.Element(Cbc + "DueDate"));
        var reference = creditNote.Element(Cac + "BillingReference")!.Element(Cac + "InvoiceDocumentReference")!;
        Assert.Equal(("INV-2026-0042", "2026-02-01"), (Text(reference, "ID"), Text(reference, "IssueDate")));
        var means = creditNote.Element(Cac + "PaymentMeans")!;
        Assert.Equal(("97", "2026-03-12"), (Text(means, "PaymentMeansCode"), Text(means, "PaymentDueDate")));
        Assert.Null(means.Element(Cac + "PayeeFinancialAccount"));

        var taxTotal = creditNote.Element(Cac + "TaxTotal")!;
        Assert.Equal("3.31", Text(taxTotal, "TaxAmount"));
        var subtotal = taxTotal.Element(Cac + "TaxSubtotal")!;
        Assert.Equal(("17.42", "3.31"), (Text(subtotal, "TaxableAmount"), Text(subtotal, "TaxAmount")));
        Assert.Equal(["17.42", "17.42", "20.73", "20.73"], creditNote.Element(Cac + "LegalMonetaryTotal")!.Elements().Select(e => e.Value));

        var line = Assert.Single(creditNote.Elements(Cac + "CreditNoteLine"));
        Assert.Equal("2", Text(line, "CreditedQuantity"));
        Assert.Equal("17.42", Text(line, "LineExtensionAmount"));
        Assert.Equal(("17.42", "2"), (line.Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value, line.Element(Cac + "Price")!.Element(Cbc + "BaseQuantity")!.Value));
    }

    [Fact]
    public void Write_Yen_AmountsWithoutDecimals()
    {
        var invoice = _ubl.Write(SampleDocuments.SingleLine("JPY", 0, 4115m, 12345m, 1235m));

        Assert.Empty(UblSchemas.Validate(invoice));
        Assert.Equal(["12345", "12345", "13580", "13580"], invoice.Root!.Element(Cac + "LegalMonetaryTotal")!.Elements().Select(e => e.Value));
        Assert.All(invoice.Descendants().Where(e => e.Attribute("currencyID") is not null), e => Assert.Equal("JPY", e.Attribute("currencyID")!.Value));
    }

    [Fact]
    public void Write_Draft_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => _ubl.Write(SampleDocuments.StandardInvoice() with { Number = null }));
    }

    [Fact]
    public void WriteUtf8_StartsWithTheXmlDeclarationAndParsesBack()
    {
        var bytes = _ubl.WriteUtf8(SampleDocuments.StandardInvoice());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Empty(UblSchemas.Validate(XDocument.Load(new MemoryStream(bytes))));
    }

    private static string Text(XElement parent, string cbcName) => parent.Element(Cbc + cbcName)!.Value;
}
