using System.Globalization;
using Prorata.Application.Insight;
using ScottPlot;

namespace Prorata.Web.Features.Home;

/// <summary>
/// The home page's pictures, drawn on the server as SVG (no script): MRR per month end of one currency, its movements
/// (what was added above the axis, what was lost below), and cost and gross profit by product. Each chart has its table
/// beside it on the page.
/// </summary>
public static class DashboardCharts
{
    private const int Width = 640;
    private const int Height = 260;

    static DashboardCharts() => Fonts.FontResolvers.Add(new ChartFonts());

    public static string MrrTrend(IReadOnlyList<MrrMonth> months, string currency)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(months.Select(m => (double)m.Mrr).ToArray());
        bars.Color = Colors.SteelBlue;
        Label(plot, months, $"MRR ({currency})");
        plot.Axes.Margins(bottom: 0);
        return plot.GetSvgXml(Width, Height);
    }

    public static string Movements(IReadOnlyList<MrrMonth> months, string currency)
    {
        var plot = new Plot();
        var gained = new List<Bar>();
        var lost = new List<Bar>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var (added, expanded) = ((double)(m.New + m.Reactivation), (double)m.Expansion);
            gained.Add(new Bar { Position = i, ValueBase = 0, Value = added, FillColor = Colors.SeaGreen });
            gained.Add(new Bar { Position = i, ValueBase = added, Value = added + expanded, FillColor = Colors.LightGreen });
            var (churned, contracted) = ((double)m.Churn, (double)m.Contraction);
            lost.Add(new Bar { Position = i, ValueBase = 0, Value = -churned, FillColor = Colors.FireBrick });
            lost.Add(new Bar { Position = i, ValueBase = -churned, Value = -churned - contracted, FillColor = Colors.Salmon });
        }
        plot.Add.Bars(gained);
        plot.Add.Bars(lost);
        plot.Add.HorizontalLine(0, color: Colors.Black);
        Label(plot, months, $"MRR movements ({currency})");
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Each product's gross profit over its cost, stacked to what it billed, largest first (a loss shows left of the axis).</summary>
    public static string MarginByProduct(IReadOnlyList<GrossProfitRow> products, string currency)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < products.Count; i++)
        {
            // The first product at the top: positions count down.
            var position = products.Count - 1 - i;
            var (cost, profit) = ((double)products[i].Cost, (double)products[i].GrossProfit);
            bars.Add(new Bar { Position = position, ValueBase = 0, Value = cost, FillColor = Colors.LightGray, Orientation = Orientation.Horizontal });
            bars.Add(new Bar
            {
                Position = position, ValueBase = profit >= 0 ? cost : 0, Value = profit >= 0 ? cost + profit : profit,
                FillColor = profit >= 0 ? Colors.SeaGreen : Colors.FireBrick, Orientation = Orientation.Horizontal,
            });
        }
        plot.Add.Bars(bars);
        plot.Font.Set(ChartFonts.Family);
        plot.Title($"Cost and gross profit by product ({currency})");
        plot.Axes.Left.SetTicks([.. products.Select((_, i) => (double)(products.Count - 1 - i))],
            [.. products.Select(p => p.Name.Length > 24 ? p.Name[..23] + "…" : p.Name)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("N0", CultureInfo.InvariantCulture) };
        return plot.GetSvgXml(Width, Height);
    }

    private static void Label(Plot plot, IReadOnlyList<MrrMonth> months, string title)
    {
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title);
        plot.Axes.Bottom.SetTicks([.. months.Select((_, i) => (double)i)], [.. months.Select(m => m.Month[2..])]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("N0", CultureInfo.InvariantCulture) };
    }
}
