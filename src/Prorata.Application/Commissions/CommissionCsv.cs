using System.Globalization;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Commissions;

/// <summary>The commission ledger as the API's export and the command line write it: one header, the same cells.</summary>
public static class CommissionCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "PayableOn", "Salesperson", "Customer", "ContractId", "Invoice", "InvoiceDate", "Line", "ProductId", "SkuId", "PeriodStart", "PeriodEnd", "Basis", "Rate",
        "BasisAmount", "Commission", "Currency", "Kind", "Note",
    ];

    /// <summary>A row's cells; amounts stay numbers for the writer to put in the currency's precision, empty where the cost is unknown.</summary>
    public static IReadOnlyList<object?> Cells(CommissionEntry e) =>
    [
        e.PayableOn, e.SalespersonName, e.CustomerName, e.ContractId.ToString(), e.InvoiceNumber, e.InvoiceDate, e.LinePosition, e.ProductId, e.SkuId,
        e.PeriodStart, e.PeriodEnd, EnumText.ToWire(e.Basis), Percent(e.Rate), e.BasisAmount, e.Commission, e.Currency, EnumText.ToWire(e.Kind), Note(e),
    ];

    /// <summary>What a person must know about an entry beyond its figures.</summary>
    public static string Note(CommissionEntry e) =>
        e.Commission is null ? "cost unknown: earns nothing" : e.Late ? "late" : "";

    /// <summary>A rate as a person writes it: 10, 12.5 (the database may give 10.000000 back).</summary>
    public static string Percent(decimal rate) => rate.ToString("0.####", CultureInfo.InvariantCulture);
}
