using Microsoft.Extensions.Time.Testing;
using Prorata.Cli.Receivables;
using Prorata.Testing;
using UglyToad.PdfPig;

namespace Prorata.Cli.Tests;

/// <summary>`prorata receivables aging|overdue|statement` on <see cref="ReceivablesBook"/>, each test on its own SQLite file.</summary>
public sealed class ReceivablesCommandTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new();

    public async Task InitializeAsync() => await ReceivablesBook.SeedAsync(_database.ConnectionString, _time);

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Aging_ByDaysPastDueOnTheDayAsked_AsTextAndCsv()
    {
        // Today (2026-06-20): INV-000001 is 37 days past its due date, INV-000002 7 days. On 2026-05-31: 17 days, and not due yet.
        var today = await ReceivablesAsync("aging");
        var endOfMay = await ReceivablesAsync("aging", "--as-of", "2026-05-31", "--csv");
        var endOfApril = await ReceivablesAsync("aging", "--as-of", "2026-04-30");

        Assert.Equal((0, "aging as of 2026-06-20\nNorthwind Test GmbH EUR: current 0.00, 1-30 days 119.00, 31-60 days 327.26, 61-90 days 0.00, over 90 days 0.00; "
            + "total 446.26\n", ""), today);
        Assert.Equal((0, ""), (endOfMay.Exit, endOfMay.Error));
        Assert.Equal("LegalEntity,Currency,Current,Days1To30,Days31To60,Days61To90,Over90,Total\r\nNorthwind Test GmbH,EUR,119.00,327.26,0.00,0.00,0.00,446.26\r\n", endOfMay.Output);
        // Aging reads today's balances: an invoice issued later still shows, as not due.
        Assert.Equal((0, "aging as of 2026-04-30\nNorthwind Test GmbH EUR: current 446.26, 1-30 days 0.00, 31-60 days 0.00, 61-90 days 0.00, over 90 days 0.00; "
            + "total 446.26\n", ""), endOfApril);
    }

    [Fact]
    public async Task Overdue_InvoicesPastTheirDueDateWithWhatIsOpen_AsTextAndCsv()
    {
        await PayAsync("100.00", "wire 4471", "2026-06-15", "INV-000002");

        var today = await ReceivablesAsync("overdue");
        var csv = await ReceivablesAsync("overdue", "--as-of", "2026-06-01", "--csv");

        Assert.Equal((0, "2 overdue invoice(s) as of 2026-06-20\noverdue EUR: 346.26 on 2 invoice(s)\n"
            + "INV-000001 Fabrikam GmbH: 327.26 of 327.26 EUR open, due 2026-05-14, 37 day(s) overdue\n"
            + "INV-000002 Fabrikam GmbH: 19.00 of 119.00 EUR open, due 2026-06-13, 7 day(s) overdue\n", ""), today);
        Assert.Equal((0, "Invoice,Customer,Currency,InvoiceDate,DueDate,Total,Balance,DaysOverdue\r\nINV-000001,Fabrikam GmbH,EUR,2026-04-14,2026-05-14,327.26,327.26,18\r\n", ""),
            csv);
    }

    [Fact]
    public async Task Statement_OpeningBalanceEveryMovementWithItsRunningBalanceAndTheClosingBalance_AsTextCsvAndPdf()
    {
        await PayAsync("100.00", "wire 4471", "2026-06-15", "INV-000002");
        await PayAsync("400.00", "cheque 0012", "2026-06-16", null);
        await using (var db = CommandRun.Open(_database))
        {
            var wire = db.Payments.Single(p => p.Reference == "wire 4471").Id;
            Assert.Equal(0, (await CommandRun.RunAsync(PaymentsCommand.RunAsync, _time, "reverse", wire.ToString(), "--reason", "failed", "--connection",
                _database.ConnectionString)).Exit);
        }
        var pdfPath = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.pdf");

        var text = await ReceivablesAsync("statement", "--customer", "Fabrikam GmbH", "--from", "2026-05-01", "--to", "2026-06-30");
        var csv = await ReceivablesAsync("statement", "--customer", "Fabrikam GmbH", "--currency", "eur", "--from", "2026-06-01", "--to", "2026-06-30", "--csv");
        var pdf = await ReceivablesAsync("statement", "--customer", "Fabrikam GmbH", "--from", "2026-04-01", "--to", "2026-06-30", "--pdf", pdfPath);

        // Opening on 1 May: INV-000001 (327.26). +119.00 = 446.26, −100.00 = 346.26, −400.00 = −53.74, the wire reversed +100.00 = 46.26.
        Assert.Equal((0, "Statement of account of Fabrikam GmbH in EUR, 2026-05-01 to 2026-06-30\n"
            + "2026-05-01 Opening balance: 327.26\n"
            + "2026-05-14 Invoice \"INV-000002\": 119.00, balance 446.26\n"
            + "2026-06-15 Payment \"wire 4471\": -100.00, balance 346.26\n"
            + "2026-06-16 Payment \"cheque 0012\": -400.00, balance -53.74\n"
            + "2026-06-20 Payment reversed \"wire 4471\": 100.00, balance 46.26\n"
            + "2026-06-30 Closing balance: 46.26 EUR\n", ""), text);
        Assert.Equal((0, ""), (csv.Exit, csv.Error));
        Assert.Equal("Date,Kind,Reference,Amount,Balance\r\n2026-06-01,opening,,,446.26\r\n2026-06-15,payment,wire 4471,-100.00,346.26\r\n"
            + "2026-06-16,payment,cheque 0012,-400.00,-53.74\r\n2026-06-20,paymentReversed,wire 4471,100.00,46.26\r\n2026-06-30,closing,,,46.26\r\n", csv.Output);
        Assert.Equal((0, $"wrote {pdfPath}: Statement of account of Fabrikam GmbH in EUR, 2026-04-01 to 2026-06-30, 5 movement(s), closing balance 46.26 EUR\n", ""), pdf);
        using (var document = PdfDocument.Open(pdfPath))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Northwind Test GmbH", words);
            Assert.Contains("Friedrichstraße 68", words);
            Assert.Contains("1 Apr 2026 Opening balance 0.00", words);
            Assert.Contains("14 Apr 2026 Invoice INV-000001 327.26 327.26", words);
            Assert.Contains("20 Jun 2026 Payment reversed wire 4471 100.00 46.26", words);
            Assert.Contains("30 Jun 2026 Closing balance 46.26", words);
            Assert.Contains("Balance due 46.26 EUR", words);
            Assert.Contains("IBAN DE89370400440532013000", words);
        }
        File.Delete(pdfPath);
    }

    [Fact]
    public async Task Receivables_BadArguments_Exit2NamingThem()
    {
        var noVerb = await CommandRun.RunAsync(ReceivablesCommand.RunAsync, _time);
        var badDate = await ReceivablesAsync("aging", "--as-of", "31.05.2026");
        var flagOfAnother = await ReceivablesAsync("overdue", "--pdf", "x.pdf");
        var noPeriod = await ReceivablesAsync("statement", "--customer", "Fabrikam GmbH", "--from", "2026-06-01");
        var reversed = await ReceivablesAsync("statement", "--customer", "Fabrikam GmbH", "--from", "2026-06-30", "--to", "2026-06-01");
        var both = await ReceivablesAsync("statement", "--customer", "Fabrikam GmbH", "--from", "2026-06-01", "--to", "2026-06-30", "--pdf", "x.pdf", "--csv");
        var nobody = await ReceivablesAsync("statement", "--customer", "Contoso", "--from", "2026-06-01", "--to", "2026-06-30");

        Assert.Equal((2, ""), (noVerb.Exit, noVerb.Output));
        Assert.StartsWith("receivables needs aging, overdue or statement\nusage: prorata receivables aging", noVerb.Error);
        Assert.Equal((2, "", "--as-of must be yyyy-MM-dd; got '31.05.2026'.\n"), badDate);
        Assert.StartsWith("unknown argument '--pdf'\nusage:", flagOfAnother.Error);
        Assert.StartsWith("statement needs --customer, --from and --to\nusage:", noPeriod.Error);
        Assert.Equal((2, "", "--from (2026-06-30) must not be after --to (2026-06-01).\n"), reversed);
        Assert.Equal((2, "", "--pdf and --csv: choose one\n"), both);
        Assert.Equal((2, "", "--customer: no customer is named 'Contoso'.\n"), nobody);
        Assert.False(File.Exists("x.pdf"));
    }

    private async Task PayAsync(string amount, string reference, string received, string? invoice)
    {
        string[] args = ["record", "--customer", ReceivablesBook.CustomerName, "--amount", amount, "--currency", "EUR", "--reference", reference, "--received", received,
            "--connection", _database.ConnectionString];
        var (exit, _, error) = await CommandRun.RunAsync(PaymentsCommand.RunAsync, _time, invoice is null ? args : [.. args, "--invoice", invoice]);
        Assert.True(exit == 0, error);
    }

    private Task<(int Exit, string Output, string Error)> ReceivablesAsync(params string[] args) =>
        CommandRun.RunAsync(ReceivablesCommand.RunAsync, _time, [.. args, "--connection", _database.ConnectionString]);
}
