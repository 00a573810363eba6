using System.Globalization;
using CsvHelper;
using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>Invoice lines as CSV for the finance team's spreadsheet or ledger import: one row per line, invoice fields repeated.</summary>
public static class InvoiceCsv
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<CustomerInvoice> invoices, IReadOnlyDictionary<Guid, string> customers, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        await csv.WriteRecordAsync(
        [
            "InvoiceNumber", "Kind", "Status", "LegalEntity", "Customer", "BillingDate", "Currency", "InvoiceTotal", "LineKind", "ProductId", "SkuId",
            "SubscriptionId", "PeriodStart", "PeriodEnd", "Quantity", "UnitPrice", "Days", "PeriodDays", "Amount", "Origin",
        ], cancellationToken);
        foreach (var invoice in invoices)
        foreach (var line in invoice.Lines.OrderBy(l => l.Position))
            await csv.WriteRecordAsync(
            [
                invoice.DisplayNumber ?? "", invoice.Kind.ToString(), invoice.Status.ToString(), invoice.LegalEntityName,
                customers.GetValueOrDefault(invoice.ContractId) ?? "", Text(invoice.BillingDate), invoice.Currency, Text(invoice.Total),
                line.Kind.ToString(), line.ProductId, line.SkuId, line.SubscriptionId.ToString(), Text(line.PeriodStart), Text(line.PeriodEnd),
                Text(line.Quantity), Text(line.UnitPrice), Text(line.Days), Text(line.PeriodDays), Text(line.Amount), line.Origin ?? "",
            ], cancellationToken);
    }

    private static string Text(IFormattable value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };
}
