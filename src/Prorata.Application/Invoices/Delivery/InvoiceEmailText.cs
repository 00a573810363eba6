using System.Globalization;
using System.Net;
using Prorata.Application.Invoices.Documents;

namespace Prorata.Application.Invoices.Delivery;

/// <summary>
/// Subject and body of the e-mail that carries an invoice or credit note, in the customer's language (en, de, fr, nl, es,
/// it; English otherwise). Amounts and dates are written by hand per language because the process runs with invariant
/// globalization (no culture data).
/// </summary>
public static class InvoiceEmailText
{
    public static InvoiceEmailContent For(InvoiceEmailFacts facts)
    {
        if (decimal.Round(facts.Total, facts.MinorUnits) != facts.Total)
        {
            throw new ArgumentException($"The total {facts.Total} has more decimals than {facts.Currency}'s {facts.MinorUnits}; e-mails show amounts in currency precision.", nameof(facts));
        }
        var words = Wording.For(facts.Language);
        var invoice = facts.Kind == InvoiceDocumentKind.Invoice;
        var amount = words.Amount(Math.Abs(facts.Total), facts.Currency, facts.MinorUnits);

        var subject = Format(invoice ? words.InvoiceSubject : words.CreditNoteSubject, facts.Number, facts.SellerName);
        List<string> paragraphs = [Format(words.Salutation, facts.BuyerName)];
        if (invoice)
        {
            paragraphs.Add(Format(words.InvoiceIntro, facts.Number, facts.BuyerName));
            paragraphs.Add(facts.DueDate is { } due
                ? words.Label(words.AmountDue) + amount + "\n" + words.Label(words.DueDate) + words.Date(due)
                : words.Label(words.AmountDue) + amount);
            if (!string.IsNullOrWhiteSpace(facts.PaymentInstructions))
            {
                paragraphs.Add(facts.PaymentInstructions.Trim());
            }
            paragraphs.Add(Format(words.PaymentReference, facts.Number));
        }
        else
        {
            paragraphs.Add(facts.CreditedNumber is { Length: > 0 } credited
                ? Format(words.CreditNoteForInvoiceIntro, facts.Number, facts.BuyerName, credited)
                : Format(words.CreditNoteIntro, facts.Number, facts.BuyerName));
            paragraphs.Add(words.Label(words.AmountCredited) + amount);
        }
        paragraphs.Add(words.Closing + "\n" + facts.SellerName);

        return new InvoiceEmailContent(subject, string.Join("\n\n", paragraphs) + "\n", Html(words.Code, paragraphs));
    }

    /// <summary>The e-mail for an issued document; its payment instructions become the payment paragraph.</summary>
    public static InvoiceEmailContent For(InvoiceDocument document, string? language)
    {
        if (document.Number is null)
        {
            throw new ArgumentException("A draft has no number and is never sent.", nameof(document));
        }
        return For(new InvoiceEmailFacts(
            language,
            document.Kind,
            document.Seller.Name,
            document.Buyer.Name,
            document.Number,
            document.CreditedNumber,
            document.Total,
            document.Currency,
            document.MinorUnits,
            document.DueDate,
            document.Payment is { } payment ? PaymentText(payment, Wording.For(language)) : null));
    }

    private static string PaymentText(PaymentInstructions payment, Wording words)
    {
        List<string> lines = [];
        if (!string.IsNullOrWhiteSpace(payment.Text))
        {
            lines.Add(payment.Text.Trim());
        }
        if (!string.IsNullOrWhiteSpace(payment.AccountName))
        {
            lines.Add(words.Label(words.AccountHolder) + payment.AccountName);
        }
        if (!string.IsNullOrWhiteSpace(payment.Iban))
        {
            lines.Add(words.Label("IBAN") + payment.Iban);
        }
        if (!string.IsNullOrWhiteSpace(payment.Bic))
        {
            lines.Add(words.Label("BIC") + payment.Bic);
        }
        return string.Join("\n", lines);
    }

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    private static string Html(string language, IEnumerable<string> paragraphs) =>
        $"<!DOCTYPE html>\n<html lang=\"{language}\">\n<body>\n"
        + string.Concat(paragraphs.Select(p => "<p>" + string.Join("<br>\n", p.Split('\n').Select(WebUtility.HtmlEncode)) + "</p>\n"))
        + "</body>\n</html>\n";

    /// <summary>
    /// One language's words and formats. Templates: {0} the document's number, {1} the buyer, {2} the credited invoice;
    /// subjects: {0} number, {1} seller; the salutation: {0} the buyer.
    /// </summary>
    private sealed record Wording(
        string Code,
        string InvoiceSubject,
        string CreditNoteSubject,
        string Salutation,
        string InvoiceIntro,
        string CreditNoteIntro,
        string CreditNoteForInvoiceIntro,
        string AmountDue,
        string DueDate,
        string AmountCredited,
        string PaymentReference,
        string AccountHolder,
        string Closing,
        string[] Months,
        string ColonSpacing,
        string DecimalSeparator,
        string GroupSeparator,
        decimal GroupFrom,
        bool CurrencyFirst,
        Func<int, string, int, string> DatePattern)
    {
        public string Label(string name) => name + ColonSpacing;

        public string Date(DateOnly date) => DatePattern(date.Day, Months[date.Month - 1], date.Year);

        public string Amount(decimal amount, string currency, int minorUnits)
        {
            var format = new NumberFormatInfo
            {
                NumberDecimalSeparator = DecimalSeparator,
                NumberGroupSeparator = amount >= GroupFrom ? GroupSeparator : "",
                NumberDecimalDigits = minorUnits,
            };
            var number = amount.ToString("N", format);
            return CurrencyFirst ? currency + NoBreakSpace + number : number + NoBreakSpace + currency;
        }

        private const string NoBreakSpace = "\u00A0";
        private const string NarrowNoBreakSpace = "\u202F";

        public static Wording For(string? language)
        {
            var code = (language ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
            return All.FirstOrDefault(w => w.Code == code) ?? All[0];
        }

        // Number and date conventions as CLDR writes them (Spanish groups thousands only from five digits; French writes
        // the first day of a month "1er" and puts a no-break space before a colon).
        private static readonly Wording[] All =
        [
            new("en", "Invoice {0} from {1}", "Credit note {0} from {1}", "Dear {0},",
                "Please find attached our invoice {0}.",
                "Please find attached our credit note {0}.",
                "Please find attached our credit note {0} for invoice {2}.",
                "Amount due", "Due date", "Amount credited", "Please quote {0} as the payment reference.", "Account holder",
                "Kind regards,",
                ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
                ": ", ".", ",", 1000m, CurrencyFirst: true, (day, month, year) => $"{day} {month} {year}"),
            new("de", "Rechnung {0} von {1}", "Rechnungskorrektur {0} von {1}", "Sehr geehrte Damen und Herren,",
                "anbei erhalten Sie unsere Rechnung {0} für {1}.",
                "anbei erhalten Sie unsere Rechnungskorrektur {0} für {1}.",
                "anbei erhalten Sie unsere Rechnungskorrektur {0} zur Rechnung {2} für {1}.",
                "Zu zahlender Betrag", "Zahlbar bis", "Gutgeschriebener Betrag", "Bitte geben Sie als Verwendungszweck {0} an.", "Kontoinhaber",
                "Mit freundlichen Grüßen",
                ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
                ": ", ",", ".", 1000m, CurrencyFirst: false, (day, month, year) => $"{day}. {month} {year}"),
            new("fr", "Facture {0} émise par {1}", "Avoir {0} émis par {1}", "Madame, Monsieur,",
                "Veuillez trouver ci-joint notre facture {0} pour {1}.",
                "Veuillez trouver ci-joint notre avoir {0} pour {1}.",
                "Veuillez trouver ci-joint notre avoir {0} pour {1}, relatif à la facture {2}.",
                "Montant à payer", "Date d'échéance", "Montant de l'avoir", "Merci d'indiquer la référence {0} lors de votre paiement.", "Titulaire du compte",
                "Cordialement,",
                ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
                NoBreakSpace + ": ", ",", NarrowNoBreakSpace, 1000m, CurrencyFirst: false,
                (day, month, year) => $"{(day == 1 ? "1er" : day.ToString(CultureInfo.InvariantCulture))} {month} {year}"),
            new("nl", "Factuur {0} van {1}", "Creditnota {0} van {1}", "Geachte heer, mevrouw,",
                "In de bijlage vindt u onze factuur {0} voor {1}.",
                "In de bijlage vindt u onze creditnota {0} voor {1}.",
                "In de bijlage vindt u onze creditnota {0} voor {1}, bij factuur {2}.",
                "Te betalen bedrag", "Vervaldatum", "Gecrediteerd bedrag", "Vermeld bij uw betaling het kenmerk {0}.", "Rekeninghouder",
                "Met vriendelijke groet,",
                ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
                ": ", ",", ".", 1000m, CurrencyFirst: true, (day, month, year) => $"{day} {month} {year}"),
            new("es", "Factura {0} de {1}", "Factura rectificativa {0} de {1}", "Estimados señores:",
                "Les adjuntamos nuestra factura {0} a nombre de {1}.",
                "Les adjuntamos nuestra factura rectificativa {0} a nombre de {1}.",
                "Les adjuntamos nuestra factura rectificativa {0} a nombre de {1}, que rectifica la factura {2}.",
                "Importe a pagar", "Fecha de vencimiento", "Importe abonado", "Les rogamos que indiquen {0} como referencia del pago.", "Titular de la cuenta",
                "Atentamente,",
                ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
                ": ", ",", ".", 10000m, CurrencyFirst: false, (day, month, year) => $"{day} de {month} de {year}"),
            new("it", "Fattura {0} emessa da {1}", "Nota di credito {0} emessa da {1}", "Spettabile {0},",
                "in allegato trasmettiamo la nostra fattura {0}.",
                "in allegato trasmettiamo la nostra nota di credito {0}.",
                "in allegato trasmettiamo la nostra nota di credito {0}, relativa alla fattura {2}.",
                "Importo da pagare", "Scadenza", "Importo accreditato", "Vi preghiamo di indicare {0} come causale del pagamento.", "Intestatario del conto",
                "Cordiali saluti,",
                ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
                ": ", ",", ".", 1000m, CurrencyFirst: false, (day, month, year) => $"{day} {month} {year}"),
        ];
    }
}
