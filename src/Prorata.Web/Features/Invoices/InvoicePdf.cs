using System.Globalization;
using SkiaSharp;

namespace Prorata.Web.Features.Invoices;

/// <summary>
/// The invoice as a PDF drawn with SkiaSharp's PDF backend (real text, selectable and searchable). The font is loaded
/// from a file because the NoDependencies native build has no fontconfig to find system fonts by name.
/// </summary>
public sealed class InvoicePdf
{
    private const float PageWidth = 595f;  // A4 in points
    private const float PageHeight = 842f;
    private const float Margin = 48f;

    private static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    private readonly SKTypeface _typeface = FontCandidates.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null) ?? SKTypeface.Default;

    public byte[] Render(InvoiceDocument document)
    {
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               {
                   Title = Title(document),
                   Author = document.Invoice.LegalEntityName,
                   Creator = "Prorata",
               }))
        {
            using var font = new SKFont(_typeface, 9.5f);
            using var bold = new SKFont(_typeface, 16f) { Embolden = true };
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x61, 0x61, 0x61), IsAntialias = true };
            var canvas = pdf.BeginPage(PageWidth, PageHeight);
            var y = Margin;
            var invoice = document.Invoice;
            canvas.DrawText(Title(document), Margin, y += 16, SKTextAlign.Left, bold, ink);
            y += 8;
            foreach (var text in new[]
                     {
                         $"From: {invoice.LegalEntityName}",
                         $"To: {document.CustomerName} <{document.BillingEmail}>",
                         $"Billing date: {invoice.BillingDate:yyyy-MM-dd}    Due: {invoice.DueDate:yyyy-MM-dd}    Currency: {invoice.Currency}    Status: {invoice.Status}",
                         document.CreditedNumber is { } credited ? $"Credits invoice {credited}" : "",
                     })
                if (text.Length > 0) canvas.DrawText(text, Margin, y += 14, SKTextAlign.Left, font, ink);
            y += 12;
            foreach (var group in document.Groups)
            {
                if (y > PageHeight - Margin - 60) { pdf.EndPage(); canvas = pdf.BeginPage(PageWidth, PageHeight); y = Margin; }
                canvas.DrawText(group.Title, Margin, y += 16, SKTextAlign.Left, font, ink);
                Right(canvas, Money(group.Subtotal, invoice.Currency), y, font, ink);
                foreach (var line in group.Lines)
                {
                    if (y > PageHeight - Margin - 30) { pdf.EndPage(); canvas = pdf.BeginPage(PageWidth, PageHeight); y = Margin; }
                    canvas.DrawText($"  {InvoiceDocument.Describe(line)}", Margin, y += 13, SKTextAlign.Left, font, grey);
                    canvas.DrawText(InvoiceDocument.Arithmetic(line), Margin + 230, y, SKTextAlign.Left, font, grey);
                    Right(canvas, line.Amount.ToString("N2", CultureInfo.InvariantCulture), y, font, grey);
                }
                y += 4;
            }
            canvas.DrawLine(Margin, y + 8, PageWidth - Margin, y + 8, ink);
            canvas.DrawText("Total", Margin, y += 24, SKTextAlign.Left, font, ink);
            Right(canvas, Money(invoice.Total, invoice.Currency), y, font, ink);
            pdf.EndPage();
            pdf.Close();
        }
        return stream.ToArray();
    }

    public static string Title(InvoiceDocument document) =>
        $"{(document.Invoice.Kind == Data.Invoices.InvoiceKind.CreditNote ? "Credit note" : "Invoice")} {document.Invoice.DisplayNumber ?? "(draft)"}";

    private static string Money(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";

    private static void Right(SKCanvas canvas, string text, float y, SKFont font, SKPaint paint) =>
        canvas.DrawText(text, PageWidth - Margin - font.MeasureText(text), y, SKTextAlign.Left, font, paint);
}
