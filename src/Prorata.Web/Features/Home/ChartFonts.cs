using Prorata.Application.Invoices.Documents;
using ScottPlot;
using SkiaSharp;

namespace Prorata.Web.Features.Home;

/// <summary>
/// Gives the charts the fonts the invoices are drawn with: SkiaSharp's NoDependencies build finds no system font, and a
/// chart without one has no title, ticks or labels.
/// </summary>
public sealed class ChartFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => bold ? InvoiceFonts.Bold : InvoiceFonts.Regular;

    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        weight >= FontWeight.SemiBold ? InvoiceFonts.Bold : InvoiceFonts.Regular;
}
