using System.Globalization;
using CsvHelper;

namespace Prorata.Cli.Receivables;

/// <summary>
/// A receivables view as CSV, as the API's export writes it: one header row, RFC 4180 (CRLF), invariant numbers (amounts
/// in the currency's minor units) and yyyy-MM-dd dates, text a spreadsheet would take for a formula prefixed with an apostrophe.
/// </summary>
internal static class CsvOutput
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        csv.WriteRecord(header.ToArray());
        foreach (var row in rows) csv.WriteRecord(row.Select(Cell).ToArray());
        csv.Flush();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        CsvMoney money => MoneyText.Amount(money.Amount, money.Currency),
        string text => Safe(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Safe(value.ToString()),
    };

    private static string Safe(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? $"'{text}" : text ?? "";
}
