namespace Prorata.Application.Insight;

/// <summary>The gross profit report's CSV columns, the same for the API's export and the CLI's.</summary>
public static class GrossProfitCsv
{
    public static readonly IReadOnlyList<string> GroupHeader =
        ["Key", "Name", "Currency", "Lines", "Amount", "Cost", "GrossProfit", "MarginPercent", "AmountWithoutCost", "MicrosoftDifference", "ReconciledCost", "ReconciledGrossProfit"];

    public static readonly IReadOnlyList<string> LineHeader =
        ["Invoice", "InvoiceDate", "Customer", "Line", "Kind", "ProductId", "SkuId", "PeriodStart", "PeriodEnd", "Quantity", "Currency", "Amount", "Cost", "GrossProfit",
            "MarginPercent", "FloorShortfall"];

    public static IReadOnlyList<object?> GroupCells(GrossProfitRow r) =>
        [r.Key, r.Name, r.Currency, r.Lines, r.Amount, r.Cost, r.GrossProfit, r.MarginPercent, r.AmountWithoutCost, r.MicrosoftDifference, r.ReconciledCost, r.ReconciledGrossProfit];

    public static IReadOnlyList<object?> LineCells(GrossProfitLineRow l) =>
        [l.InvoiceNumber, l.InvoiceDate, l.CustomerName, l.Position, l.Kind, l.ProductId, l.SkuId, l.PeriodStart, l.PeriodEnd, l.Quantity, l.Currency, l.Amount, l.Cost,
            l.GrossProfit, l.MarginPercent, l.FloorShortfall];
}
