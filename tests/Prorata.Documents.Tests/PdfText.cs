using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Prorata.Documents.Tests;

/// <summary>A rendered PDF read back with PdfPig: each page's words with their positions, as a customer's viewer sees them.</summary>
internal sealed class PdfText
{
    private PdfText(IReadOnlyList<IReadOnlyList<Word>> pages, int images)
    {
        Pages = pages;
        Images = images;
    }

    public IReadOnlyList<IReadOnlyList<Word>> Pages { get; }

    public int Images { get; }

    /// <summary>Every word of every page, in drawing order, separated by single spaces: phrases survive line wrapping.</summary>
    public string AllText => string.Join(" ", Pages.Select(PageText));

    public static string PageText(IReadOnlyList<Word> words) => string.Join(" ", words.Select(w => w.Text));

    /// <summary>
    /// The words of a page that lie between two x positions (points from the left edge), in reading order: the text of one
    /// column, so that a phrase wrapped over two lines is read whole rather than interleaved with the columns beside it.
    /// </summary>
    public string Column(int page, double left, double right) =>
        PageText(Pages[page].Where(w => w.BoundingBox.Left >= left && w.BoundingBox.Right <= right).ToList());

    /// <summary>Every pair of words on the page whose bounding boxes share some area, described for a failure message.</summary>
    public static IReadOnlyList<string> OverlappingWords(IReadOnlyList<Word> words)
    {
        var overlaps = new List<string>();
        for (var i = 0; i < words.Count; i++)
        for (var j = i + 1; j < words.Count; j++)
        {
            var a = words[i].BoundingBox;
            var b = words[j].BoundingBox;
            var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
            var height = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
            if (width > 0 && height > 0)
                overlaps.Add($"'{words[i].Text}' [{a.Left:0.0},{a.Bottom:0.0},{a.Right:0.0},{a.Top:0.0}] and '{words[j].Text}' [{b.Left:0.0},{b.Bottom:0.0},{b.Right:0.0},{b.Top:0.0}]");
        }
        return overlaps;
    }

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<IReadOnlyList<Word>>();
        var images = 0;
        foreach (var page in document.GetPages())
        {
            pages.Add(page.GetWords().ToList());
            images += page.GetImages().Count();
        }
        return new PdfText(pages, images);
    }
}
