using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Cli.Receivables;
using Prorata.Data.Receivables;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

/// <summary>`prorata payments record|list|reverse` and `prorata dunning` on <see cref="ReceivablesBook"/>, each test on its own SQLite file.</summary>
public sealed class PaymentsCommandTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new();
    private Guid _customerId;

    public async Task InitializeAsync() => _customerId = await ReceivablesBook.SeedAsync(_database.ConnectionString, _time);

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Record_NamingAnInvoiceByNumberAndTheCustomerByName_PaysThatInvoiceAndPrintsTheAllocation()
    {
        var (exit, output, error) = await PaymentsAsync("record", "--customer", "fabrikam gmbh", "--amount", "100.00", "--currency", "EUR",
            "--reference", "wire 4471", "--received", "2026-06-15", "--invoice", "INV-000002", "--as", "alice");

        var payment = await SinglePaymentAsync();
        Assert.Equal((0, ""), (exit, error));
        Assert.Equal($"recorded 2026-06-15 {payment.Id} Fabrikam GmbH: 100.00 EUR bankTransfer \"wire 4471\"\n  INV-000002: 100.00 (19.00 still open)\n", output);
        Assert.Equal(("alice", new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero), PaymentProvider.Manual), (payment.RecordedBy, payment.ReceivedAt, payment.Provider));
    }

    [Fact]
    public async Task Record_MoreThanIsOwed_PaysTheOldestInvoicesFirstAndTheRestIsCredit()
    {
        var (exit, output, error) = await PaymentsAsync("record", "--customer", _customerId.ToString(), "--amount", "500", "--currency", "eur",
            "--reference", "cheque 0012", "--method", "cheque");

        var payment = await SinglePaymentAsync();
        Assert.Equal((0, ""), (exit, error));
        // 327.26 + 119.00 = 446.26 owed; 53.74 of the 500.00 is credit. Received: now, as the app's form defaults it.
        Assert.Equal($"recorded 2026-06-20 {payment.Id} Fabrikam GmbH: 500.00 EUR cheque \"cheque 0012\"\n"
            + "  INV-000001: 327.26 (0.00 still open)\n  INV-000002: 119.00 (0.00 still open)\n  to credit: 53.74\n", output);
    }

    [Fact]
    public async Task Record_BadInput_PrintsTheFieldsMessageExits2AndRecordsNothing()
    {
        string[] valid = ["record", "--customer", "Fabrikam GmbH", "--currency", "EUR", "--reference", "wire 1"];
        var cases = new (string[] Args, string Error)[]
        {
            ([.. valid, "--amount", "0"], "amount must be greater than 0; got 0.\n"),
            ([.. valid, "--amount", "10.005"], "amount must have at most 2 decimals in EUR; got 10.005.\n"),
            ([.. valid, "--amount", "ten"], "amount must be a number such as 100.00; got 'ten'.\n"),
            ([.. valid], "amount must be greater than 0; got nothing.\n"),
            (["record", "--customer", "Fabrikam GmbH", "--amount", "5", "--currency", "GBP", "--reference", "x"], "currency: the customer has no invoice in GBP.\n"),
            (["record", "--customer", "Fabrikam GmbH", "--amount", "5", "--currency", "EUR"],
                "reference is required (the bank or cheque reference, at most 200 characters).\n"),
            ([.. valid, "--amount", "5", "--method", "card"], "method must be one of bankTransfer, cheque, cash, other; got 'card'.\n"),
            ([.. valid, "--amount", "5", "--received", "2026-07-01"], "receivedAt must not be in the future; got 2026-07-01T00:00:00.0000000+00:00.\n"),
            ([.. valid, "--amount", "5", "--received", "15/06/2026"], "--received must be yyyy-MM-dd; got '15/06/2026'.\n"),
            ([.. valid, "--amount", "5", "--invoice", "INV-000009"],
                "--invoice: 'INV-000009' is the number of no single invoice of Fabrikam GmbH; pass the invoice's id or its number as printed (INV-000001).\n"),
            (["record", "--customer", "Contoso", "--amount", "5", "--currency", "EUR", "--reference", "x"], "--customer: no customer is named 'Contoso'.\n"),
            (["record", "--amount", "5"], "--customer is required: the customer's id or name.\n"),
        };

        foreach (var (args, expected) in cases)
        {
            var (exit, output, error) = await PaymentsAsync(args);
            Assert.Equal((2, "", expected), (exit, output, error));
        }
        await using var db = CommandRun.Open(_database);
        Assert.Equal(0, await db.Payments.CountAsync());
    }

    [Fact]
    public async Task ListAndReverse_ReversalReopensWhatThePaymentPaid_OnceOnly()
    {
        await PaymentsAsync("record", "--customer", "Fabrikam GmbH", "--amount", "100.00", "--currency", "EUR", "--reference", "wire 4471",
            "--received", "2026-06-15", "--invoice", "INV-000002");
        await PaymentsAsync("record", "--customer", "Fabrikam GmbH", "--amount", "400.00", "--currency", "EUR", "--reference", "cheque 0012",
            "--received", "2026-06-16", "--method", "cheque");
        Guid wire, cheque;
        await using (var db = CommandRun.Open(_database))
        {
            wire = await db.Payments.Where(p => p.Reference == "wire 4471").Select(p => p.Id).SingleAsync();
            cheque = await db.Payments.Where(p => p.Reference == "cheque 0012").Select(p => p.Id).SingleAsync();
        }

        var noNote = await PaymentsAsync("reverse", wire.ToString(), "--reason", "recordedByMistake");
        var badReason = await PaymentsAsync("reverse", wire.ToString(), "--reason", "bounced");
        var unknown = await PaymentsAsync("reverse", Guid.Empty.ToString(), "--reason", "failed");
        var reversed = await PaymentsAsync("reverse", wire.ToString(), "--reason", "failed", "--note", "returned by the bank");
        var again = await PaymentsAsync("reverse", wire.ToString(), "--reason", "chargedBack");
        var listed = await PaymentsAsync("list", "--customer", "Fabrikam GmbH");
        var fromThe16th = await PaymentsAsync("list", "--from", "2026-06-16");

        Assert.Equal((2, "", "note is required: say what was wrong with the payment.\n"), noNote);
        Assert.Equal((2, "", "reason must be one of recordedByMistake, failed, chargedBack; got 'bounced'.\n"), badReason);
        Assert.Equal((1, "", $"No payment has id '{Guid.Empty}'.\n"), unknown);
        // Without the wire, the cheque pays INV-000001 (327.26) and 72.74 of INV-000002: 46.26 is open again.
        Assert.Equal((0, $"reversed 2026-06-15 {wire} Fabrikam GmbH: 100.00 EUR bankTransfer \"wire 4471\", reversed 2026-06-20 (failed)\n  INV-000002: 46.26 open\n", ""),
            reversed);
        Assert.Equal((1, "", "Payment wire 4471 was already reversed on 2026-06-20 (Failed).\n"), again);
        Assert.Equal((0, $"2 payment(s)\n2026-06-16 {cheque} Fabrikam GmbH: 400.00 EUR cheque \"cheque 0012\"\n"
            + $"2026-06-15 {wire} Fabrikam GmbH: 100.00 EUR bankTransfer \"wire 4471\", reversed 2026-06-20 (failed)\n", ""), listed);
        Assert.Equal((0, $"1 payment(s)\n2026-06-16 {cheque} Fabrikam GmbH: 400.00 EUR cheque \"cheque 0012\"\n", ""), fromThe16th);
    }

    [Fact]
    public async Task Payments_BadArguments_Exit2NamingThem()
    {
        var noVerb = await PaymentsAsync();
        var unknownOption = await PaymentsAsync("list", "--since", "2026-06-01");
        var noId = await PaymentsAsync("reverse", "--reason", "failed");
        var notAnId = await PaymentsAsync("reverse", "wire-4471", "--reason", "failed");

        Assert.Equal((2, ""), (noVerb.Exit, noVerb.Output));
        Assert.StartsWith("payments needs record, list or reverse\nusage: prorata payments record", noVerb.Error);
        Assert.StartsWith("unknown argument '--since'\nusage: prorata payments record", unknownOption.Error);
        Assert.StartsWith("reverse needs one payment id\nusage:", noId.Error);
        Assert.Equal((2, "", "the payment id must be a GUID, as `prorata payments list` prints it; got 'wire-4471'.\n"), notAnId);
    }

    [Fact]
    public async Task Dunning_RemindsTheLatestStepOfEachOverdueInvoiceAndHoldsTheCustomer_OnceOnly()
    {
        // On 2026-06-20: INV-000001 (due 2026-05-14) is 37 days overdue: its 30-day step is the latest due (the 7-day one is
        // not sent late) and it is past its 30-day hold; INV-000002 (due 2026-06-13) reaches its 7-day step today.
        var first = await CommandRun.RunAsync(DunningCommand.RunAsync, _time, "--connection", _database.ConnectionString);
        var second = await CommandRun.RunAsync(DunningCommand.RunAsync, _time, "--connection", _database.ConnectionString);

        Assert.Equal((0, "2 reminders, 1 customers put on credit hold, 0 holds lifted\n", ""), first);
        Assert.Equal((0, "0 reminders, 0 customers put on credit hold, 0 holds lifted\n", ""), second);
        await using var db = CommandRun.Open(_database);
        var steps = await (
            from s in db.DunningSteps
            join i in db.Invoices on s.InvoiceId equals i.Id
            where s.Days != null
            select new { s.Days, i.Number }).ToListAsync();
        Assert.Equal([(30, 1L), (7, 2L)], steps.OrderBy(s => s.Number).Select(s => (s.Days!.Value, s.Number!.Value)));
        Assert.True(await db.Customers.Where(c => c.Id == _customerId).Select(c => c.DunningHold).SingleAsync());
        Assert.Equal((2, "unknown argument '--now'\nusage: prorata dunning [--connection STRING]\n"),
            await ExitAndErrorAsync(DunningCommand.RunAsync, "--now"));
    }

    private async Task<(int, string)> ExitAndErrorAsync(CommandRun.Command command, params string[] args)
    {
        var (exit, _, error) = await CommandRun.RunAsync(command, _time, [.. args, "--connection", _database.ConnectionString]);
        return (exit, error);
    }

    private Task<(int Exit, string Output, string Error)> PaymentsAsync(params string[] args) =>
        CommandRun.RunAsync(PaymentsCommand.RunAsync, _time, args.Length == 0 ? [] : [.. args, "--connection", _database.ConnectionString]);

    private async Task<Payment> SinglePaymentAsync()
    {
        await using var db = CommandRun.Open(_database);
        return await db.Payments.SingleAsync();
    }
}
