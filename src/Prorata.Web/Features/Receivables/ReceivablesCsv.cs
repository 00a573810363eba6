using System.Globalization;
using CsvHelper;
using Prorata.Web.Features.Invoices;

namespace Prorata.Web.Features.Receivables;

/// <summary>Receivables views as CSV for Finance's spreadsheet: one header row, text neutralised against formula injection like the invoice export.</summary>
public static class ReceivablesCsv
{
    public static async Task WriteAsync(HttpContext http, string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(http.Response.Body, CsvWriterOptions.Default, true);
        await csv.WriteRecordAsync(header.ToArray(), cancellationToken);
        foreach (var row in rows) await csv.WriteRecordAsync(row.Select(Cell).ToArray(), cancellationToken);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => InvoiceCsv.Safe(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        // SQLite gives back 119.0 for 119.00: money is written with at least two decimals, whatever the database kept.
        decimal amount => amount.ToString("0.00####", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => InvoiceCsv.Safe(value.ToString()),
    };
}
