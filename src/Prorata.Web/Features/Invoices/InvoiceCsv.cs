using System.Globalization;
using CsvHelper;
using Prorata.Data.Invoices;

namespace Prorata.Web.Features.Invoices;

/// <summary>
/// Invoice lines as CSV for the finance team's spreadsheet or ledger import: one row per line, invoice fields repeated.
/// Text that came from people or files (names, ids, origins) is neutralised against formula injection (OWASP "CSV
/// injection"): a cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so a product id
/// <c>=HYPERLINK(…)</c> stays text in Excel or LibreOffice. Numbers and dates Prorata formats itself are written as they are.
/// </summary>
public static class InvoiceCsv
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<CustomerInvoice> invoices, IReadOnlyDictionary<Guid, string> customers, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        await csv.WriteRecordAsync(
        [
            "InvoiceNumber", "Kind", "Status", "LegalEntity", "Customer", "BillingDate", "Currency", "InvoiceTotal", "LineKind", "ProductId", "SkuId",
            "SubscriptionId", "PeriodStart", "PeriodEnd", "Quantity", "UnitPrice", "Days", "PeriodDays", "Amount", "Origin",
            "InvoiceSubtotal", "InvoiceTax", "TaxTreatment", "LineTax", "TaxRate",
        ], cancellationToken);
        foreach (var invoice in invoices)
        foreach (var line in invoice.Lines.OrderBy(l => l.Position))
            await csv.WriteRecordAsync(
            [
                Safe(invoice.DisplayNumber), invoice.Kind.ToString(), invoice.Status.ToString(), Safe(invoice.LegalEntityName),
                Safe(customers.GetValueOrDefault(invoice.ContractId)), Text(invoice.BillingDate), Safe(invoice.Currency), Text(invoice.Total),
                line.Kind.ToString(), Safe(line.ProductId), Safe(line.SkuId), line.SubscriptionId.ToString(), Text(line.PeriodStart), Text(line.PeriodEnd),
                Text(line.Quantity), Text(line.UnitPrice), Text(line.Days), Text(line.PeriodDays), Text(line.Amount), Safe(line.Origin),
                Text(invoice.Subtotal), Text(invoice.TaxTotal), invoice.TaxTreatment?.ToString() ?? "", Text(line.Tax), Text(line.TaxRate),
            ], cancellationToken);
    }

    /// <summary>Text a spreadsheet would take for a formula, with an apostrophe in front; anything else as it is.</summary>
    public static string Safe(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? $"'{text}" : text ?? "";

    private static string Text(IFormattable value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };
}
