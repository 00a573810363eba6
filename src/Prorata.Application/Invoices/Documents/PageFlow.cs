using SkiaSharp;

namespace Prorata.Application.Invoices.Documents;

/// <summary>Something placed on a page: text at a baseline, a horizontal rule, or an image in a box. Coordinates from the top left, in points.</summary>
internal abstract record PageItem;

internal sealed record PlacedText(string Text, float X, float Baseline, TextStyle Style) : PageItem;

internal sealed record PlacedRule(float X1, float X2, float Y, float Thickness, SKColor Color) : PageItem;

internal sealed record PlacedImage(SKImage Image, SKRect Box) : PageItem;

/// <summary>How text sits in its column.</summary>
internal enum Align
{
    Left,
    Right,
}

/// <summary>
/// Lays content down the pages of an A4 document, top to bottom, and opens a new page when the next piece does not fit.
/// Nothing is drawn here: pages are lists of <see cref="PageItem"/>, drawn once all are laid out, because each page's
/// footer says "Page n of m" and m is known only at the end.
/// </summary>
internal sealed class PageFlow(PdfTypography typography)
{
    public const float PageWidth = 595.28f;   // A4 in points
    public const float PageHeight = 841.89f;
    public const float Margin = 40f;
    public const float FooterHeight = 28f;
    public const float ContentWidth = PageWidth - 2 * Margin;
    public const float Bottom = PageHeight - Margin - FooterHeight;

    private readonly List<List<PageItem>> _pages = [];

    public PdfTypography Typography { get; } = typography;

    public IReadOnlyList<IReadOnlyList<PageItem>> Pages => _pages;

    /// <summary>The top of the free space on the current page.</summary>
    public float Y { get; set; } = Margin;

    /// <summary>Runs after every page break the flow makes, to repeat a table's header on the new page.</summary>
    public Action? OnPageBreak { get; set; }

    public float Room => Bottom - Y;

    private List<PageItem> Current => _pages.Count == 0 ? NewPageItems() : _pages[^1];

    public void NewPage()
    {
        NewPageItems();
        Y = Margin;
        OnPageBreak?.Invoke();
    }

    /// <summary>Breaks the page unless <paramref name="height"/> points fit below <see cref="Y"/>.</summary>
    public void KeepTogether(float height)
    {
        if (height > Room && Y > Margin) NewPage();
    }

    public void Add(PageItem item) => Current.Add(item);

    public void Text(string text, float x, float top, TextStyle style) =>
        Add(new PlacedText(text, x, Typography.Baseline(style, top), style));

    /// <summary>One line of a column, aligned in it.</summary>
    public void Line(string line, float x, float width, float top, TextStyle style, Align align)
    {
        if (line.Length == 0) return;
        var left = align == Align.Right ? x + width - Typography.Width(line, style) : x;
        Text(line, left, top, style);
    }

    /// <summary>Wrapped text across the full flow: lines go on until the page is full and continue on the next.</summary>
    public void Paragraph(string text, float x, float width, TextStyle style, Align align = Align.Left)
    {
        var height = Typography.LineHeight(style);
        foreach (var line in Typography.Wrap(text, style, width))
        {
            if (height > Room) NewPage();
            Line(line, x, width, Y, style, align);
            Y += height;
        }
    }

    public void Rule(float x1, float x2, float y, float thickness, SKColor color) =>
        Add(new PlacedRule(x1, x2, y, thickness, color));

    private List<PageItem> NewPageItems()
    {
        var page = new List<PageItem>();
        _pages.Add(page);
        return page;
    }
}
