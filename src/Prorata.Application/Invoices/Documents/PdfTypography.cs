using SkiaSharp;

namespace Prorata.Application.Invoices.Documents;

/// <summary>The few text styles an invoice uses.</summary>
internal enum TextStyle
{
    Body,
    BodyBold,
    Muted,
    Small,
    Heading,
    Title,
    Draft,
}

/// <summary>
/// Fonts and inks for each <see cref="TextStyle"/>, shared by layout (measuring) and drawing so that what was measured is
/// what is drawn. Line height is 1.3 × the font size: more than DejaVu's own spacing (1.16), so that an accented capital
/// on one line never touches a descender on the line above.
/// </summary>
internal sealed class PdfTypography : IDisposable
{
    private readonly Dictionary<TextStyle, (SKFont Font, SKPaint Ink)> _styles;

    public PdfTypography()
    {
        var black = new SKColor(0x1A, 0x1A, 0x1A);
        var grey = new SKColor(0x5F, 0x63, 0x68);
        var red = new SKColor(0xB0, 0x00, 0x20);
        _styles = new()
        {
            [TextStyle.Body] = (new SKFont(InvoiceFonts.Regular, 8.5f), Ink(black)),
            [TextStyle.BodyBold] = (new SKFont(InvoiceFonts.Bold, 8.5f), Ink(black)),
            [TextStyle.Muted] = (new SKFont(InvoiceFonts.Regular, 8f), Ink(grey)),
            [TextStyle.Small] = (new SKFont(InvoiceFonts.Regular, 7.5f), Ink(grey)),
            [TextStyle.Heading] = (new SKFont(InvoiceFonts.Bold, 10f), Ink(black)),
            [TextStyle.Title] = (new SKFont(InvoiceFonts.Bold, 17f), Ink(black)),
            [TextStyle.Draft] = (new SKFont(InvoiceFonts.Bold, 11f), Ink(red)),
        };
    }

    public SKFont Font(TextStyle style) => _styles[style].Font;

    public SKPaint Ink(TextStyle style) => _styles[style].Ink;

    public float LineHeight(TextStyle style) => Font(style).Size * 1.3f;

    /// <summary>Where the baseline sits in a line box that starts at <paramref name="top"/>.</summary>
    public float Baseline(TextStyle style, float top)
    {
        var metrics = Font(style).Metrics;
        var glyphs = metrics.Descent - metrics.Ascent;
        return top + (LineHeight(style) - glyphs) / 2 - metrics.Ascent;
    }

    public float Width(string text, TextStyle style) => Font(style).MeasureText(text);

    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width) => TextWrap.Lines(text, Font(style), width);

    public void Dispose()
    {
        foreach (var (font, ink) in _styles.Values)
        {
            font.Dispose();
            ink.Dispose();
        }
    }

    private static SKPaint Ink(SKColor color) => new() { Color = color, IsAntialias = true };
}
