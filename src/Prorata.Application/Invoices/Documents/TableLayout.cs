using SkiaSharp;

namespace Prorata.Application.Invoices.Documents;

/// <summary>A table column: its header, width in points (padding included) and how its text aligns.</summary>
internal sealed record TableColumn(string Header, float Width, Align Align);

/// <summary>
/// A table laid into a <see cref="PageFlow"/>: every cell's text is wrapped to its column, so nothing runs into the next
/// column; a row that does not fit goes to the next page whole, below the repeated header, and only a row taller than a
/// whole page is split between pages.
/// </summary>
internal sealed class TableLayout
{
    private const float CellPadding = 4f;
    private const float RowPadding = 3f;
    private static readonly SKColor HeaderRule = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor RowRule = new(0xDA, 0xDC, 0xE0);

    private readonly PageFlow _flow;
    private readonly IReadOnlyList<TableColumn> _columns;
    private int _rowsOnPage;

    public TableLayout(PageFlow flow, IReadOnlyList<TableColumn> columns)
    {
        _flow = flow;
        _columns = columns;
    }

    /// <summary>Draws the header row; keeps it with room for a first row, so a header never ends a page alone.</summary>
    public void Header()
    {
        var cells = _columns.Select(c => (IReadOnlyList<(string, TextStyle)>)[(c.Header, TextStyle.BodyBold)]).ToList();
        var lines = Wrap(cells);
        var height = Height(lines) + 2 * RowPadding;
        _flow.KeepTogether(height + 3 * _flow.Typography.LineHeight(TextStyle.Body) + 2 * RowPadding);
        Place(lines, _flow.Y + RowPadding);
        _flow.Y += height;
        _flow.Rule(PageFlow.Margin, PageFlow.Margin + Width, _flow.Y, 0.8f, HeaderRule);
        _rowsOnPage = 0;
    }

    /// <summary>One row: per column, paragraphs of text, each in its own style.</summary>
    public void Row(IReadOnlyList<IReadOnlyList<(string Text, TextStyle Style)>> cells)
    {
        var pending = Wrap(cells);
        while (true)
        {
            var height = Height(pending) + 2 * RowPadding;
            if (height <= _flow.Room)
            {
                Place(pending, _flow.Y + RowPadding);
                Finish(height);
                return;
            }
            if (_rowsOnPage > 0)
            {
                _flow.NewPage();
                continue;
            }
            // Taller than a whole page below the header: as many lines as fit here, the rest on the next page.
            var available = _flow.Room - 2 * RowPadding;
            var here = pending.Select(lines => TakeFitting(lines, available)).ToList();
            Place(here, _flow.Y + RowPadding);
            Finish(Height(here) + 2 * RowPadding);
            pending = pending.Select((lines, i) => (IReadOnlyList<(string, TextStyle)>)lines.Skip(here[i].Count).ToList()).ToList();
            _flow.NewPage();
        }
    }

    private float Width => _columns.Sum(c => c.Width);

    private void Finish(float height)
    {
        _flow.Y += height;
        _flow.Rule(PageFlow.Margin, PageFlow.Margin + Width, _flow.Y, 0.4f, RowRule);
        _rowsOnPage++;
    }

    private List<IReadOnlyList<(string Line, TextStyle Style)>> Wrap(IReadOnlyList<IReadOnlyList<(string Text, TextStyle Style)>> cells) =>
        cells.Select((paragraphs, i) => (IReadOnlyList<(string, TextStyle)>)paragraphs
                .Where(p => p.Text.Length > 0)
                .SelectMany(p => _flow.Typography.Wrap(p.Text, p.Style, _columns[i].Width - 2 * CellPadding).Select(line => (line, p.Style)))
                .ToList())
            .ToList();

    private float Height(IEnumerable<IReadOnlyList<(string Line, TextStyle Style)>> cells) =>
        cells.Select(lines => lines.Sum(l => _flow.Typography.LineHeight(l.Style))).DefaultIfEmpty(0f).Max();

    private IReadOnlyList<(string Line, TextStyle Style)> TakeFitting(IReadOnlyList<(string Line, TextStyle Style)> lines, float available)
    {
        var taken = new List<(string, TextStyle)>();
        var used = 0f;
        foreach (var line in lines)
        {
            var height = _flow.Typography.LineHeight(line.Style);
            if (used + height > available && taken.Count > 0) break;
            taken.Add(line);
            used += height;
        }
        return taken;
    }

    private void Place(IReadOnlyList<IReadOnlyList<(string Line, TextStyle Style)>> cells, float top)
    {
        var x = PageFlow.Margin;
        for (var i = 0; i < _columns.Count; i++)
        {
            var y = top;
            foreach (var (line, style) in cells[i])
            {
                _flow.Line(line, x + CellPadding, _columns[i].Width - 2 * CellPadding, y, style, _columns[i].Align);
                y += _flow.Typography.LineHeight(style);
            }
            x += _columns[i].Width;
        }
    }
}
