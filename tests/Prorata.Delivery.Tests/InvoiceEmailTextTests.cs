using Prorata.Application.Invoices.Delivery;
using Prorata.Application.Invoices.Documents;
using Prorata.Domain.Tax;

namespace Prorata.Delivery.Tests;

public sealed class InvoiceEmailTextTests
{
    private const string Nbsp = "\u00A0";

    [Theory]
    [InlineData("de", "Rechnung INV-000042 von Northwind Cloud Services GmbH")]
    [InlineData("de-AT", "Rechnung INV-000042 von Northwind Cloud Services GmbH")]
    [InlineData("fr", "Facture INV-000042 émise par Northwind Cloud Services GmbH")]
    [InlineData("fr_BE", "Facture INV-000042 émise par Northwind Cloud Services GmbH")]
    [InlineData("nl", "Factuur INV-000042 van Northwind Cloud Services GmbH")]
    [InlineData("es", "Factura INV-000042 de Northwind Cloud Services GmbH")]
    [InlineData("it", "Fattura INV-000042 emessa da Northwind Cloud Services GmbH")]
    [InlineData("en", "Invoice INV-000042 from Northwind Cloud Services GmbH")]
    [InlineData("pt-BR", "Invoice INV-000042 from Northwind Cloud Services GmbH")]
    [InlineData(null, "Invoice INV-000042 from Northwind Cloud Services GmbH")]
    public void Subject_Invoice_InTheCustomersLanguageOrEnglish(string? language, string subject)
    {
        Assert.Equal(subject, InvoiceEmailText.For(Invoice(language)).Subject);
    }

    [Theory]
    [InlineData("de", "Rechnungskorrektur GS-000007 von Northwind Cloud Services GmbH")]
    [InlineData("fr", "Avoir GS-000007 émis par Northwind Cloud Services GmbH")]
    [InlineData("en", "Credit note GS-000007 from Northwind Cloud Services GmbH")]
    public void Subject_CreditNote_InTheCustomersLanguage(string language, string subject)
    {
        Assert.Equal(subject, InvoiceEmailText.For(CreditNote(language)).Subject);
    }

    [Fact]
    public void Body_EnglishInvoice_NamesAmountDueDueDateAndPayment()
    {
        var content = InvoiceEmailText.For(Invoice("en"));

        Assert.Equal(
            "Dear Contoso Ltd,\n\n"
            + "Please find attached our invoice INV-000042.\n\n"
            + $"Amount due: EUR{Nbsp}1,234.50\nDue date: 3 March 2026\n\n"
            + "Bank transfer to Northwind Cloud Services GmbH\n\n"
            + "Please quote INV-000042 as the payment reference.\n\n"
            + "Kind regards,\nNorthwind Cloud Services GmbH\n",
            content.TextBody);
    }

    [Fact]
    public void Body_FrenchCreditNote_NamesTheCreditedInvoiceAndAmountWithoutPaymentRequest()
    {
        var content = InvoiceEmailText.For(CreditNote("fr"));

        Assert.Equal(
            "Madame, Monsieur,\n\n"
            + "Veuillez trouver ci-joint notre avoir GS-000007 pour Contoso Ltd, relatif à la facture INV-000042.\n\n"
            + $"Montant de l'avoir{Nbsp}: 1\u202F234,50{Nbsp}EUR\n\n"
            + "Cordialement,\nNorthwind Cloud Services GmbH\n",
            content.TextBody);
    }

    [Fact]
    public void Html_SameParagraphsEncoded()
    {
        var content = InvoiceEmailText.For(Invoice("en") with { BuyerName = "Smith & Jones <Ltd>" });

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n<p>Dear Smith &amp; Jones &lt;Ltd&gt;,</p>\n", content.HtmlBody);
        Assert.Contains("<p>Amount due: EUR&#160;1,234.50<br>\nDue date: 3 March 2026</p>\n", content.HtmlBody);
    }

    [Theory]
    [InlineData("en", 1234.5, "EUR", 2, "Amount due: EUR\u00A01,234.50")]
    [InlineData("de", 1234.5, "EUR", 2, "Zu zahlender Betrag: 1.234,50\u00A0EUR")]
    [InlineData("fr", 1234.5, "EUR", 2, "Montant à payer\u00A0: 1\u202F234,50\u00A0EUR")]
    [InlineData("nl", 1234.5, "EUR", 2, "Te betalen bedrag: EUR\u00A01.234,50")]
    [InlineData("es", 1234.5, "EUR", 2, "Importe a pagar: 1234,50\u00A0EUR")]
    [InlineData("es", 12345.5, "EUR", 2, "Importe a pagar: 12.345,50\u00A0EUR")]
    [InlineData("it", 1234567.891, "BHD", 3, "Importo da pagare: 1.234.567,891\u00A0BHD")]
    [InlineData("de", 150000, "JPY", 0, "Zu zahlender Betrag: 150.000\u00A0JPY")]
    [InlineData("en", 0.5, "USD", 2, "Amount due: USD\u00A00.50")]
    public void Amount_InTheCurrencysMinorUnitsAndTheLanguagesSeparators(string language, double total, string currency, int minorUnits, string line)
    {
        var facts = Invoice(language) with { Total = (decimal)total, Currency = currency, MinorUnits = minorUnits };

        Assert.Equal(line, Lines(InvoiceEmailText.For(facts))[4]);
    }

    [Theory]
    [InlineData("en", "2026-03-01", "Due date: 1 March 2026")]
    [InlineData("de", "2026-03-01", "Zahlbar bis: 1. März 2026")]
    [InlineData("fr", "2026-03-01", "Date d'échéance\u00A0: 1er mars 2026")]
    [InlineData("fr", "2026-08-31", "Date d'échéance\u00A0: 31 août 2026")]
    [InlineData("nl", "2026-05-15", "Vervaldatum: 15 mei 2026")]
    [InlineData("es", "2026-12-31", "Fecha de vencimiento: 31 de diciembre de 2026")]
    [InlineData("it", "2026-02-28", "Scadenza: 28 febbraio 2026")]
    public void DueDate_WrittenOutInTheLanguage(string language, string due, string line)
    {
        var facts = Invoice(language) with { DueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(line, Lines(InvoiceEmailText.For(facts))[5]);
    }

    [Fact]
    public void Total_MoreDecimalsThanTheCurrencyHas_Refused()
    {
        var facts = Invoice("en") with { Total = 1234.505m };

        var refused = Assert.Throws<ArgumentException>(() => InvoiceEmailText.For(facts));

        Assert.StartsWith("The total 1234.505 has more decimals than EUR's 2", refused.Message);
    }

    [Fact]
    public void Document_GermanInvoiceWithBankAccount_PaymentParagraphFromTheDocument()
    {
        var document = new InvoiceDocument(
            Guid.Parse("6f1c2b0e-4c1a-4d55-9a1e-2f7d9b3c8a10"), InvoiceDocumentKind.Invoice, "INV-000042",
            new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), "EUR", 2,
            new InvoiceParty("Northwind Cloud Services GmbH", null, "DE123456789", "billing@northwind.example"),
            new InvoiceParty("Contoso GmbH", null, null, "ap@contoso.example"),
            null, null, TaxTreatment.Standard, [], [], 1037.39m, 197.11m, 1234.50m,
            new PaymentInstructions("Northwind Cloud Services GmbH", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Zahlbar per Überweisung."),
            null);

        var content = InvoiceEmailText.For(document, "de-DE");

        Assert.Equal("Rechnung INV-000042 von Northwind Cloud Services GmbH", content.Subject);
        Assert.Equal(
            "Sehr geehrte Damen und Herren,\n\n"
            + "anbei erhalten Sie unsere Rechnung INV-000042 für Contoso GmbH.\n\n"
            + $"Zu zahlender Betrag: 1.234,50{Nbsp}EUR\nZahlbar bis: 3. März 2026\n\n"
            + "Zahlbar per Überweisung.\nKontoinhaber: Northwind Cloud Services GmbH\nIBAN: DE89 3704 0044 0532 0130 00\nBIC: COBADEFFXXX\n\n"
            + "Bitte geben Sie als Verwendungszweck INV-000042 an.\n\n"
            + "Mit freundlichen Grüßen\nNorthwind Cloud Services GmbH\n",
            content.TextBody);
    }

    private static string[] Lines(InvoiceEmailContent content) => content.TextBody.Split('\n');

    private static InvoiceEmailFacts Invoice(string? language) => new(
        language, InvoiceDocumentKind.Invoice, "Northwind Cloud Services GmbH", "Contoso Ltd", "INV-000042", null,
        1234.50m, "EUR", 2, new DateOnly(2026, 3, 3), "Bank transfer to Northwind Cloud Services GmbH");

    private static InvoiceEmailFacts CreditNote(string language) => new(
        language, InvoiceDocumentKind.CreditNote, "Northwind Cloud Services GmbH", "Contoso Ltd", "GS-000007", "INV-000042",
        -1234.50m, "EUR", 2, null, null);
}
