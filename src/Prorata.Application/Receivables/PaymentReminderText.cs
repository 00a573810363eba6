using System.Globalization;
using System.Net;

namespace Prorata.Application.Receivables;

/// <summary>
/// The words of a payment reminder in the customer's language (en, de, fr, nl, es, it; English otherwise): which invoice,
/// when it was due, what is still open, and that a payment already on its way makes the reminder moot.
/// </summary>
public static class PaymentReminderText
{
    private sealed record Wording(string Code, string Subject, string Greeting, string Body, string AlreadyPaid, string Closing);

    private static readonly Dictionary<string, Wording> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("en", "Payment reminder: invoice {0}", "Dear {0},", "Invoice {1} was due on {2}. {3} is still open.", "If you have already paid, please disregard this reminder.", "Kind regards,"),
        ["de"] = new("de", "Zahlungserinnerung: Rechnung {0}", "Sehr geehrte Damen und Herren von {0},", "Die Rechnung {1} war am {2} fällig. Offen sind noch {3}.", "Falls Sie bereits bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.", "Mit freundlichen Grüßen"),
        ["fr"] = new("fr", "Rappel de paiement : facture {0}", "Madame, Monsieur ({0}),", "La facture {1} était due le {2}. Il reste {3} à régler.", "Si vous avez déjà payé, veuillez ne pas tenir compte de ce rappel.", "Cordialement,"),
        ["nl"] = new("nl", "Betalingsherinnering: factuur {0}", "Geachte {0},", "Factuur {1} moest op {2} betaald zijn. Er staat nog {3} open.", "Hebt u al betaald, dan kunt u deze herinnering negeren.", "Met vriendelijke groet,"),
        ["es"] = new("es", "Recordatorio de pago: factura {0}", "Estimados señores de {0}:", "La factura {1} vencía el {2}. Quedan pendientes {3}.", "Si ya ha realizado el pago, ignore este recordatorio.", "Atentamente,"),
        ["it"] = new("it", "Sollecito di pagamento: fattura {0}", "Gentile {0},", "La fattura {1} era in scadenza il {2}. Restano da pagare {3}.", "Se ha già effettuato il pagamento, non tenga conto di questo sollecito.", "Cordiali saluti,"),
    };

    public static (string Subject, string Text, string Html) For(string? language, string invoiceNumber, string buyer, string seller, DateOnly due, decimal balance,
        string currency, int minorUnits)
    {
        var words = Languages.GetValueOrDefault(language ?? "en") ?? Languages["en"];
        var culture = CultureInfo.GetCultureInfo(words.Code);
        var amount = $"{balance.ToString("N" + minorUnits, culture)} {currency}";
        string[] paragraphs =
        [
            string.Format(culture, words.Greeting, buyer),
            string.Format(culture, words.Body, buyer, invoiceNumber, due.ToString("D", culture), amount),
            words.AlreadyPaid,
            words.Closing + "\n" + seller,
        ];
        var html = $"<!DOCTYPE html>\n<html lang=\"{words.Code}\">\n<body>\n"
            + string.Concat(paragraphs.Select(p => "<p>" + string.Join("<br>\n", p.Split('\n').Select(WebUtility.HtmlEncode)) + "</p>\n")) + "</body>\n</html>\n";
        return (string.Format(culture, words.Subject, invoiceNumber), string.Join("\n\n", paragraphs) + "\n", html);
    }
}
