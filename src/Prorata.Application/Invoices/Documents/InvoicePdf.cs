using SkiaSharp;

namespace Prorata.Application.Invoices.Documents;

/// <summary>
/// The invoice or credit note as the customer's PDF: A4, drawn with SkiaSharp's PDF backend (real, searchable text) in the
/// embedded DejaVu Sans. Everything is laid out by measuring text: party names, descriptions and numbers wrap inside their
/// column, the line table continues across pages under its repeated header, and every page says "Page n of m".
/// Amounts are printed in the currency's minor units; a line's proration arithmetic appears only in the optional appendix.
/// Thread-safe: one instance can serve every request.
/// </summary>
public sealed class InvoicePdf
{
    private const float ColumnGap = 40f;
    private const float LeftColumnWidth = 270f;
    private const float RightColumnX = PageFlow.Margin + LeftColumnWidth + ColumnGap;
    private const float RightColumnWidth = PageFlow.ContentWidth - LeftColumnWidth - ColumnGap;
    private const float MetaLabelWidth = 78f;
    private const float KeyWidth = 90f;
    private static readonly SKColor RuleInk = new(0x1A, 0x1A, 0x1A);

    public byte[] Render(InvoiceDocument document, bool withProrationAppendix = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var typography = new PdfTypography();
        using var logo = document.SellerLogoPng is { } png ? DecodeLogo(png) : null;
        var flow = new PageFlow(typography);
        flow.NewPage();
        Heading(flow, document, logo);
        LineTable(flow, document);
        TaxSummary(flow, document);
        Totals(flow, document);
        Notice(flow, document);
        Payment(flow, document);
        if (withProrationAppendix) Appendix(flow, document);
        return Draw(flow, document);
    }

    private static SKImage DecodeLogo(byte[] png) =>
        SKImage.FromEncodedData(png) ?? throw new ArgumentException("The seller's logo is not an image SkiaSharp can decode (PNG expected).", nameof(png));

    private static void Heading(PageFlow flow, InvoiceDocument document, SKImage? logo)
    {
        var left = PageFlow.Margin;
        if (logo is not null)
        {
            // Fit the logo in 150 × 50 points, never enlarged beyond its pixels at 72 dpi.
            var scale = Math.Min(1f, Math.Min(150f / logo.Width, 50f / logo.Height));
            var box = SKRect.Create(PageFlow.Margin, left, logo.Width * scale, logo.Height * scale);
            flow.Add(new PlacedImage(logo, box));
            left += box.Height + 10f;
        }
        left = Block(flow, PageFlow.Margin, LeftColumnWidth, left, PartyLines(document.Seller, TextStyle.Heading));

        var right = Block(flow, RightColumnX, RightColumnWidth, PageFlow.Margin, [(InvoiceWording.Title(document), TextStyle.Title)]);
        if (document.IsDraft)
        {
            var kind = InvoiceWording.KindName(document.Kind).ToLowerInvariant();
            right = Block(flow, RightColumnX, RightColumnWidth, right + 2f, [($"DRAFT — not a valid {kind}; for review only", TextStyle.Draft)]);
        }
        right += 6f;
        right = Meta(flow, right, "Issue date", InvoiceWording.Date(document.IssueDate));
        if (document.DueDate is { } due) right = Meta(flow, right, "Due date", InvoiceWording.Date(due));
        if (document.CreditedNumber is { } credited)
        {
            var of = document.CreditedIssueDate is { } date ? $" of {InvoiceWording.Date(date)}" : "";
            right = Meta(flow, right, "Credits invoice", credited + of);
        }
        right = Meta(flow, right, "Currency", document.Currency);

        var top = Math.Max(left, right) + 18f;
        top = Block(flow, PageFlow.Margin, LeftColumnWidth, top, [("Bill to", TextStyle.Muted)]);
        flow.Y = Block(flow, PageFlow.Margin, LeftColumnWidth, top, PartyLines(document.Buyer, TextStyle.BodyBold)) + 18f;
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
        if (!string.IsNullOrWhiteSpace(party.Email)) yield return (party.Email, TextStyle.Muted);
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

    private static void LineTable(PageFlow flow, InvoiceDocument document)
    {
        var table = new TableLayout(flow,
        [
            new TableColumn("Description", 200f, Align.Left),
            new TableColumn("Period", 78f, Align.Left),
            new TableColumn("Qty", 42f, Align.Right),
            new TableColumn("Unit price", 68f, Align.Right),
            new TableColumn("Tax", 42f, Align.Right),
            new TableColumn($"Amount ({document.Currency})", PageFlow.ContentWidth - 430f, Align.Right),
        ]);
        flow.OnPageBreak = () =>
        {
            flow.Paragraph($"{InvoiceWording.Title(document)} (continued)", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Muted);
            flow.Y += 4f;
            table.Header();
        };
        table.Header();
        foreach (var line in document.Lines)
        {
            table.Row(
            [
                [(line.Description, TextStyle.Body), (line.Detail, TextStyle.Muted)],
                [(InvoiceWording.Period(line.PeriodStart, line.PeriodEnd), TextStyle.Body)],
                [(InvoiceWording.Quantity(line.Quantity), TextStyle.Body)],
                [(InvoiceWording.UnitPrice(line.UnitPrice, document.MinorUnits), TextStyle.Body)],
                [(line.TaxCategory == "O" ? "–" : InvoiceWording.Rate(line.TaxRate), TextStyle.Body)],
                [(InvoiceWording.Amount(line.Amount, document.MinorUnits), TextStyle.Body)],
            ]);
        }
        flow.OnPageBreak = null;
        flow.Y += 14f;
    }

    private static void TaxSummary(PageFlow flow, InvoiceDocument document)
    {
        if (document.TaxSummary.Count == 0) return;
        var rows = document.TaxSummary.Count + 2;
        flow.KeepTogether(flow.Typography.LineHeight(TextStyle.Heading) + rows * (flow.Typography.LineHeight(TextStyle.Body) + 6f));
        flow.Paragraph("Tax summary", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Heading);
        flow.Y += 2f;
        var table = new TableLayout(flow,
        [
            new TableColumn("Tax", 215f, Align.Left),
            new TableColumn("Rate", 60f, Align.Right),
            new TableColumn($"Taxable ({document.Currency})", 120f, Align.Right),
            new TableColumn($"Tax ({document.Currency})", PageFlow.ContentWidth - 395f, Align.Right),
        ]);
        table.Header();
        foreach (var row in document.TaxSummary)
        {
            table.Row(
            [
                [(row.Name, TextStyle.Body)],
                [(row.TaxCategory == "O" ? "–" : InvoiceWording.Rate(row.Rate), TextStyle.Body)],
                [(InvoiceWording.Amount(row.Taxable, document.MinorUnits), TextStyle.Body)],
                [(InvoiceWording.Amount(row.Tax, document.MinorUnits), TextStyle.Body)],
            ]);
        }
        flow.Y += 10f;
    }

    private static void Totals(PageFlow flow, InvoiceDocument document)
    {
        const float labelWidth = 150f;
        const float valueWidth = 120f;
        const float x = PageFlow.Margin + PageFlow.ContentWidth - labelWidth - valueWidth;
        var body = flow.Typography.LineHeight(TextStyle.Body);
        flow.KeepTogether(3 * body + 12f);
        Total(flow, x, labelWidth, valueWidth, "Subtotal", InvoiceWording.Amount(document.Subtotal, document.MinorUnits), TextStyle.Body);
        Total(flow, x, labelWidth, valueWidth, "Tax", InvoiceWording.Amount(document.TaxTotal, document.MinorUnits), TextStyle.Body);
        flow.Y += 3f;
        flow.Rule(x, x + labelWidth + valueWidth, flow.Y, 0.8f, RuleInk);
        flow.Y += 3f;
        var label = document.Kind == InvoiceDocumentKind.CreditNote ? "Total credited" : "Total due";
        Total(flow, x, labelWidth, valueWidth, label, $"{InvoiceWording.Amount(document.Total, document.MinorUnits)} {document.Currency}", TextStyle.BodyBold);
        flow.Y += 14f;
    }

    private static void Total(PageFlow flow, float x, float labelWidth, float valueWidth, string label, string value, TextStyle style)
    {
        var labels = flow.Typography.Wrap(label, style, labelWidth - 8f);
        var values = flow.Typography.Wrap(value, style, valueWidth);
        var height = Math.Max(labels.Count, values.Count) * flow.Typography.LineHeight(style);
        flow.KeepTogether(height);
        var top = flow.Y;
        foreach (var line in labels)
        {
            flow.Line(line, x, labelWidth - 8f, top, style, Align.Left);
            top += flow.Typography.LineHeight(style);
        }
        top = flow.Y;
        foreach (var line in values)
        {
            flow.Line(line, x + labelWidth, valueWidth, top, style, Align.Right);
            top += flow.Typography.LineHeight(style);
        }
        flow.Y += height;
    }

    private static void Notice(PageFlow flow, InvoiceDocument document)
    {
        if (InvoiceWording.TreatmentNotice(document.Treatment) is not { } notice) return;
        flow.KeepTogether(2 * flow.Typography.LineHeight(TextStyle.BodyBold));
        flow.Paragraph(notice, PageFlow.Margin, PageFlow.ContentWidth, TextStyle.BodyBold);
        flow.Y += 14f;
    }

    private static void Payment(PageFlow flow, InvoiceDocument document)
    {
        var body = flow.Typography.LineHeight(TextStyle.Body);
        flow.KeepTogether(flow.Typography.LineHeight(TextStyle.Heading) + 3 * body);
        if (document.Kind == InvoiceDocumentKind.CreditNote)
        {
            // billing-rules §5: a credit note adds to the customer's credit balance, which later invoices draw on.
            flow.Paragraph("Settlement", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Heading);
            flow.Paragraph($"The amount of this credit note is added to your credit balance with {document.Seller.Name} and set against your next invoices in {document.Currency}.",
                PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Body);
            return;
        }
        flow.Paragraph("Payment", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Heading);
        if (document.DueDate is { } due) flow.Paragraph($"Please pay by {InvoiceWording.Date(due)}", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.BodyBold);
        flow.Y += 2f;
        if (document.Payment is { } payment)
        {
            KeyValue(flow, "Account name", payment.AccountName);
            KeyValue(flow, "IBAN", payment.Iban);
            KeyValue(flow, "BIC", payment.Bic);
        }
        if (!document.IsDraft) KeyValue(flow, "Reference", document.Number);
        if (document.Payment?.Text is { Length: > 0 } text)
        {
            flow.Y += 4f;
            flow.Paragraph(text, PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Body);
        }
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

    /// <summary>Staff-requested pages showing how each line's amount was reached; the amounts due stay those above.</summary>
    private static void Appendix(PageFlow flow, InvoiceDocument document)
    {
        flow.NewPage();
        flow.Paragraph($"Appendix to {InvoiceWording.Title(document)}: how each line was calculated", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Heading);
        flow.Paragraph("For reference. The amounts due are the rounded line amounts on the invoice.", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.Muted);
        flow.Y += 8f;
        foreach (var line in document.Lines)
        {
            flow.KeepTogether(flow.Typography.LineHeight(TextStyle.BodyBold) + flow.Typography.LineHeight(TextStyle.Body));
            flow.Paragraph($"{line.Position}. {line.Description}", PageFlow.Margin, PageFlow.ContentWidth, TextStyle.BodyBold);
            flow.Paragraph(line.Arithmetic, PageFlow.Margin + 14f, PageFlow.ContentWidth - 14f, TextStyle.Body);
            flow.Y += 5f;
        }
    }

    private static byte[] Draw(PageFlow flow, InvoiceDocument document)
    {
        var typography = flow.Typography;
        var issued = document.IssueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata(SKDocumentPdfMetadata.DefaultRasterDpi)
               {
                   Title = InvoiceWording.Title(document),
                   Author = document.Seller.Name,
                   Subject = $"{InvoiceWording.Title(document)} for {document.Buyer.Name}",
                   Creator = "Prorata",
                   Creation = issued,
                   Modified = issued,
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
                Footer(canvas, typography, rule, document, index + 1, pages.Count);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return stream.ToArray();
    }

    private static void Footer(SKCanvas canvas, PdfTypography typography, SKPaint rule, InvoiceDocument document, int page, int pages)
    {
        const float pageNumberWidth = 90f;
        var top = PageFlow.Bottom + 8f;
        rule.Color = new SKColor(0xDA, 0xDC, 0xE0);
        rule.StrokeWidth = 0.4f;
        canvas.DrawLine(PageFlow.Margin, top, PageFlow.Margin + PageFlow.ContentWidth, top, rule);
        top += 4f;
        var font = typography.Font(TextStyle.Small);
        var ink = typography.Ink(TextStyle.Small);
        var left = $"{InvoiceWording.Title(document)} · {InvoiceWording.Date(document.IssueDate)}";
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
