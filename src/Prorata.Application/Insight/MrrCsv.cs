namespace Prorata.Application.Insight;

/// <summary>
/// The MRR report's rows as the API's export and the command line write them: per customer as always
/// (<c>Month,Customer,…</c>), per product with its id beside its name, per legal entity by name. Amounts stay numbers for
/// the writer to put in their currency's precision.
/// </summary>
public static class MrrCsv
{
    private static readonly string[] Figures = ["Currency", "Mrr", "MrrCost", "Arr", "Margin", "Movement"];

    public static IReadOnlyList<string> Header(MrrGrouping by) => by switch
    {
        MrrGrouping.Product => ["Month", "ProductId", "Product", .. Figures],
        MrrGrouping.Customer => ["Month", "Customer", .. Figures],
        _ => ["Month", by.ToString(), .. Figures],
    };

    /// <summary>Each row's currency (for the writer's precision) and cells, in the view's order.</summary>
    public static IEnumerable<(string Currency, IReadOnlyList<object?> Cells)> Rows(MrrView view, MrrGrouping by) =>
        view.Groups is { } groups
            ? groups.Select(g => (g.Currency, (IReadOnlyList<object?>)[g.Month, .. by == MrrGrouping.Product ? new[] { g.Key } : [], g.Name, g.Currency, g.Mrr, g.MrrCost,
                g.Arr, g.Margin, g.Movement]))
            : view.Customers.Select(c => (c.Currency, (IReadOnlyList<object?>)[c.Month, c.CustomerName, c.Currency, c.Mrr, c.MrrCost, c.Arr, c.Margin, c.Movement]));
}
