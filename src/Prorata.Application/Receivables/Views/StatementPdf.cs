using Prorata.Application.Invoices.Documents;
using Prorata.Domain.Money;
using SkiaSharp;

namespace Prorata.Application.Receivables.Views;

/// <summary>
/// A customer's statement of account as a PDF, drawn like the invoice (<see cref="InvoicePdf"/>): A4, SkiaSharp's PDF
/// backend, the embedded DejaVu Sans, text measured and wrapped in its column. The seller and the customer head the first
/// page; the movements table starts with the opening balance, shows each movement's amount and the running balance, ends
/// with the closing balance, continues across pages under its repeated header, and every page says "Page n of m".
/// Thread-safe: one instance can serve every request.
/// </summary>
public sealed class StatementPdf
{
    private const float ColumnGap = 40f;
    private const float LeftColumnWidth = 270f;
    private const float RightColumnX = PageFlow.Margin + LeftColumnWidth + ColumnGap;
    private const float RightColumnWidth = PageFlow.ContentWidth - LeftColumnWidth - ColumnGap;
    private const float MetaLabelWidth = 78f;
    private const float KeyWidth = 90f;
    private const float DateWidth = 70f;
    private const float KindWidth = 100f;
    private const float MoneyWidth = 95f;
    private static readonly SKColor RuleInk = new(0x1A, 0x1A, 0x1A);

    public byte[] Render(CustomerStatement statement, StatementParties parties)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(parties);
        var minorUnits = Currency.TryFromCode(statement.Currency, out var currency) ? currency.MinorUnits : 2;
        using var typography = new PdfTypography();
        using var logo = parties.SellerLogoPng is { } png ? SKImage.FromEncodedData(png) : null;
        var flow = new PageFlow(typography);
        flow.NewPage();
        Heading(flow, statement, parties, logo);
        Movements(flow, statement, minorUnits);
        Closing(flow, statement, parties, minorUnits);
        return Draw(flow, statement, parties);
    }

    private static string Period(CustomerStatement statement) => InvoiceWording.Period(statement.From, statement.To);

    private static void Heading(PageFlow flow, CustomerStatement statement, StatementParties parties, SKImage? logo)
    {
        var left = PageFlow.Margin;
        if (logo is not null)
        {
            // As on the invoice: the logo fits 150 × 50 points, never enlarged beyond its pixels at 72 dpi.
            var scale = Math.Min(1f, Math.Min(150f / logo.Width, 50f / logo.Height));
            var box = SKRect.Create(PageFlow.Margin, left, logo.Width * scale, logo.Height * scale);
            flow.Add(new PlacedImage(logo, box));
            left += box.Height + 10f;
        }
        if (parties.Seller is { } seller) left = Block(flow, PageFlow.Margin, LeftColumnWidth, left, PartyLines(seller, TextStyle.Heading));

        var right = Block(flow, RightColumnX, RightColumnWidth, PageFlow.Margin, [(StatementWording.Title, TextStyle.Title)]) + 6f;
        right = Meta(flow, right, "Period", Period(statement));
        right = Meta(flow, right, "Currency", statement.Currency);

        var top = Math.Max(left, right) + 18f;
        top = Block(flow, PageFlow.Margin, LeftColumnWidth, top, [("Statement for", TextStyle.Muted)]);
        flow.Y = Block(flow, PageFlow.Margin, LeftColumnWidth, top, PartyLines(parties.Buyer, TextStyle.BodyBold)) + 18f;
    }

    private static IEnumerable<(string, TextStyle)> PartyLines(InvoiceParty party, TextStyle nameStyle)
    {
        yield return (party.Name, nameStyle);
        if (party.Address is { } address)
        {
            yield return (address.Line1, TextStyle.Body);
            if (!string.IsNullOrWhiteSpace(address.Line2)) yield return (address.Line2, TextStyle.Body);
            yield return ($"{address.PostalCode} {address.City}".Trim(), TextStyle.Body);
            if (!string.IsNullOrWhiteSpace(address.Region)) yield return (address.Region, TextStyle.Body);
            yield return (address.Country, TextStyle.Body);
        }
        if (!string.IsNullOrWhiteSpace(party.TaxId)) yield return ($"Tax ID: {party.TaxId}", TextStyle.Body);
    }

    /// <summary>Wrapped paragraphs in a column of the page's head; returns the top of the space below them.</summary>
    private static float Block(PageFlow flow, float x, float width, float top, IEnumerable<(string Text, TextStyle Style)> paragraphs)
    {
        foreach (var (text, style) in paragraphs)
        foreach (var line in flow.Typography.Wrap(text, style, width))
        {
            flow.Line(line, x, width, top, style, Align.Left);
            top += flow.Typography.LineHeight(style);
        }
        return top;
    }

    private static float Meta(PageFlow flow, float top, string label, string value)
    {
        var below = Block(flow, RightColumnX, MetaLabelWidth - 6f, top, [(label, TextStyle.Muted)]);
        return Math.Max(below, Block(flow, RightColumnX + MetaLabelWidth, RightColumnWidth - MetaLabelWidth, top, [(value, TextStyle.Body)]));
    }

    private static void Movements(PageFlow flow, CustomerStatement statement, int minorUnits)
    {
        var table = new TableLayout(flow,
        [
            new TableColumn("Date", DateWidth, Align.Left),
            new TableColumn("Description", KindWidth, Align.Left),
            new TableColumn("Reference", PageFlow.ContentWidth - DateWidth - KindWidth - 2 * MoneyWidth, Align.Left),
            new TableColumn($"Amount ({statement.Currency})", MoneyWidth, Align.Right),
            new TableColumn($"Balance ({statement.Currency})", MoneyWidth, Align.Right),
        ]);
        flow.OnPageBreak = () =>
        {
            flow.Paragraph($"{StatementWording.Title} (continued)", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Muted);
            flow.Y += 4f;
            table.Header();
        };
        table.Header();
        Row(table, statement.From, "Opening balance", "", "", InvoiceWording.Amount(statement.OpeningBalance, minorUnits), TextStyle.BodyBold);
        foreach (var line in statement.Lines)
        {
            Row(table, line.Date, StatementWording.KindName(line.Kind), line.Reference, InvoiceWording.Amount(line.Amount, minorUnits),
                InvoiceWording.Amount(line.Balance, minorUnits), TextStyle.Body);
        }
        Row(table, statement.To, "Closing balance", "", "", InvoiceWording.Amount(statement.ClosingBalance, minorUnits), TextStyle.BodyBold);
        flow.OnPageBreak = null;
        flow.Y += 14f;
    }

    private static void Row(TableLayout table, DateOnly date, string kind, string reference, string amount, string balance, TextStyle style) =>
        table.Row(
        [
            [(InvoiceWording.Date(date), TextStyle.Body)],
            [(kind, style)],
            [(reference, TextStyle.Body)],
            [(amount, TextStyle.Body)],
            [(balance, style)],
        ]);

    /// <summary>What the closing balance means for the customer, and how to pay when something is due.</summary>
    private static void Closing(PageFlow flow, CustomerStatement statement, StatementParties parties, int minorUnits)
    {
        const float labelWidth = 150f;
        const float valueWidth = 120f;
        const float x = PageFlow.Margin + PageFlow.ContentWidth - labelWidth - valueWidth;
        var body = flow.Typography.LineHeight(TextStyle.Body);
        flow.KeepTogether(3 * body + 6f);
        Total(flow, x, labelWidth, valueWidth, "Opening balance", $"{InvoiceWording.Amount(statement.OpeningBalance, minorUnits)} {statement.Currency}", TextStyle.Body);
        flow.Y += 3f;
        flow.Rule(x, x + labelWidth + valueWidth, flow.Y, 0.8f, RuleInk);
        flow.Y += 3f;
        var (label, amount) = statement.ClosingBalance switch
        {
            > 0 => ("Balance due", statement.ClosingBalance),
            < 0 => ("Credit in your favour", -statement.ClosingBalance),
            _ => ("Closing balance", 0m),
        };
        Total(flow, x, labelWidth, valueWidth, label, $"{InvoiceWording.Amount(amount, minorUnits)} {statement.Currency}", TextStyle.BodyBold);
        flow.Y += 14f;

        var seller = parties.Seller?.Name ?? "us";
        if (statement.ClosingBalance < 0)
        {
            // billing-rules §5: credit stays on the account and pays the next invoices in its currency.
            flow.KeepTogether(2 * body);
            flow.Paragraph($"Your credit with {seller} is set against your next invoices in {statement.Currency}.", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Body);
            return;
        }
        if (statement.ClosingBalance == 0 || parties.Payment is not { } payment) return;
        flow.KeepTogether(flow.Typography.LineHeight(TextStyle.Heading) + 4 * body);
        flow.Paragraph("Payment", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Heading);
        flow.Paragraph("Please quote the invoice numbers you pay.", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Body);
        flow.Y += 2f;
        KeyValue(flow, "Account name", payment.AccountName);
        KeyValue(flow, "IBAN", payment.Iban);
        KeyValue(flow, "BIC", payment.Bic);
        if (payment.Text is { Length: > 0 } text)
        {
            flow.Y += 4f;
            flow.Paragraph(text, PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Body);
        }
    }

    private static void Total(PageFlow flow, float x, float labelWidth, float valueWidth, string label, string value, TextStyle style)
    {
        var labels = flow.Typography.Wrap(label, style, labelWidth - 8f);
        var values = flow.Typography.Wrap(value, style, valueWidth);
        var height = Math.Max(labels.Count, values.Count) * flow.Typography.LineHeight(style);
        flow.KeepTogether(height);
        Block(flow, x, labelWidth - 8f, flow.Y, labels.Select(l => (l, style)));
        var top = flow.Y;
        foreach (var line in values)
        {
            flow.Line(line, x + labelWidth, valueWidth, top, style, Align.Right);
            top += flow.Typography.LineHeight(style);
        }
        flow.Y += height;
    }

    private static void KeyValue(PageFlow flow, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var keys = flow.Typography.Wrap(key, TextStyle.Muted, KeyWidth - 6f);
        var values = flow.Typography.Wrap(value, TextStyle.Body, PageFlow.ContentWidth - KeyWidth);
        var height = Math.Max(keys.Count * flow.Typography.LineHeight(TextStyle.Muted), values.Count * flow.Typography.LineHeight(TextStyle.Body));
        flow.KeepTogether(height);
        Block(flow, PageFlow.Margin, KeyWidth - 6f, flow.Y, [(key, TextStyle.Muted)]);
        Block(flow, PageFlow.Margin + KeyWidth, PageFlow.ContentWidth - KeyWidth, flow.Y, [(value, TextStyle.Body)]);
        flow.Y += height;
    }

    private static byte[] Draw(PageFlow flow, CustomerStatement statement, StatementParties parties)
    {
        var typography = flow.Typography;
        // Dated by the period's end, not the clock: the same statement renders to the same bytes.
        var dated = statement.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata(SKDocumentPdfMetadata.DefaultRasterDpi)
               {
                   Title = $"{StatementWording.Title} {Period(statement)}",
                   Author = parties.Seller?.Name ?? "",
                   Subject = $"{StatementWording.Title} for {statement.CustomerName} in {statement.Currency}",
                   Creator = "Prorata",
                   Creation = dated,
                   Modified = dated,
               }))
        {
            using var rule = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
            var pages = flow.Pages;
            for (var index = 0; index < pages.Count; index++)
            {
                var canvas = pdf.BeginPage(PageFlow.PageWidth, PageFlow.PageHeight);
                foreach (var item in pages[index])
                {
                    switch (item)
                    {
                        case PlacedText text:
                            canvas.DrawText(text.Text, text.X, text.Baseline, SKTextAlign.Left, typography.Font(text.Style), typography.Ink(text.Style));
                            break;
                        case PlacedRule line:
                            rule.Color = line.Color;
                            rule.StrokeWidth = line.Thickness;
                            canvas.DrawLine(line.X1, line.Y, line.X2, line.Y, rule);
                            break;
                        case PlacedImage image:
                            canvas.DrawImage(image.Image, image.Box, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                            break;
                    }
                }
                Footer(canvas, typography, rule, statement, index + 1, pages.Count);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return stream.ToArray();
    }

    private static void Footer(SKCanvas canvas, PdfTypography typography, SKPaint rule, CustomerStatement statement, int page, int pages)
    {
        const float pageNumberWidth = 90f;
        var top = PageFlow.Bottom + 8f;
        rule.Color = new SKColor(0xDA, 0xDC, 0xE0);
        rule.StrokeWidth = 0.4f;
        canvas.DrawLine(PageFlow.Margin, top, PageFlow.Margin + PageFlow.ContentWidth, top, rule);
        top += 4f;
        var font = typography.Font(TextStyle.Small);
        var ink = typography.Ink(TextStyle.Small);
        var left = $"{StatementWording.Title} · {statement.CustomerName} · {Period(statement)}";
        var lineTop = top;
        foreach (var line in typography.Wrap(left, TextStyle.Small, PageFlow.ContentWidth - pageNumberWidth - 10f).Take(2))
        {
            canvas.DrawText(line, PageFlow.Margin, typography.Baseline(TextStyle.Small, lineTop), SKTextAlign.Left, font, ink);
            lineTop += typography.LineHeight(TextStyle.Small);
        }
        var number = $"Page {page} of {pages}";
        canvas.DrawText(number, PageFlow.Margin + PageFlow.ContentWidth - typography.Width(number, TextStyle.Small), typography.Baseline(TextStyle.Small, top), SKTextAlign.Left, font, ink);
    }
}
