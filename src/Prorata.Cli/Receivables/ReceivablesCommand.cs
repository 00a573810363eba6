using Prorata.Application.Receivables.Views;

namespace Prorata.Cli.Receivables;

/// <summary>
/// `receivables aging|overdue|statement …`: Finance's views of what is owed, as the API shows them, as text or as the
/// API's CSV; a statement also as the customer's PDF. Exit 0, 2 on bad arguments.
/// </summary>
public static class ReceivablesCommand
{
    private const string Usage = """
        usage: prorata receivables aging [--as-of yyyy-MM-dd] [--csv]
               prorata receivables overdue [--as-of yyyy-MM-dd] [--csv]
               prorata receivables statement --customer ID|NAME [--currency EUR] --from yyyy-MM-dd --to yyyy-MM-dd [--pdf FILE | --csv]
               (each also takes --connection STRING; --as-of defaults to today, UTC; a statement's currency to the customer's)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        string[] options = args.FirstOrDefault() switch
        {
            "aging" or "overdue" => ["as-of"],
            "statement" => ["customer", "currency", "from", "to", "pdf"],
            _ => [],
        };
        if (options.Length == 0)
        {
            error.WriteLine(args.Length == 0 ? "receivables needs aging, overdue or statement" : $"unknown verb '{args[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var arguments = CommandArguments.Parse(args[1..], options, ["csv"], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var (asOf, asOfValid) = arguments.Date("as-of", error);
        if (!asOfValid) return 2;
        var today = asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (args[0] == "statement") return await StatementAsync(arguments, output, error, cancellationToken);

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata receivables …", error, cancellationToken);
        if (db is null) return 2;
        var views = new ReceivablesViews(db);
        if (args[0] == "aging") Aging(await views.AgingAsync(today, cancellationToken), today, arguments.Has("csv"), output);
        else Overdue(await views.OverdueAsync(today, cancellationToken), today, arguments.Has("csv"), output);
        return 0;
    }

    private static void Aging(IReadOnlyList<AgingBucket> rows, DateOnly asOf, bool csv, TextWriter output)
    {
        if (csv)
        {
            CsvOutput.Write(output, ["LegalEntity", "Currency", "Current", "Days1To30", "Days31To60", "Days61To90", "Over90", "Total"],
                rows.Select(a => (IReadOnlyList<object?>)[a.LegalEntityName, a.Currency, .. new[] { a.Current, a.Days1To30, a.Days31To60, a.Days61To90, a.Over90, a.Total }
                    .Select(amount => (object?)new CsvMoney(amount, a.Currency))]));
            return;
        }
        output.WriteLine($"aging as of {MoneyText.Date(asOf)}{(rows.Count == 0 ? ": nothing is owed" : "")}");
        foreach (var a in rows)
        {
            string M(decimal amount) => MoneyText.Amount(amount, a.Currency);
            output.WriteLine($"{a.LegalEntityName} {a.Currency}: current {M(a.Current)}, 1-30 days {M(a.Days1To30)}, 31-60 days {M(a.Days31To60)}, "
                + $"61-90 days {M(a.Days61To90)}, over 90 days {M(a.Over90)}; total {M(a.Total)}");
        }
    }

    private static void Overdue(IReadOnlyList<OverdueInvoice> rows, DateOnly asOf, bool csv, TextWriter output)
    {
        if (csv)
        {
            CsvOutput.Write(output, ["Invoice", "Customer", "Currency", "InvoiceDate", "DueDate", "Total", "Balance", "DaysOverdue"],
                rows.Select(o => (IReadOnlyList<object?>)[o.Number, o.CustomerName, o.Currency, o.InvoiceDate, o.DueDate, new CsvMoney(o.Total, o.Currency),
                    new CsvMoney(o.Balance, o.Currency), o.DaysOverdue]));
            return;
        }
        output.WriteLine($"{rows.Count} overdue invoice(s) as of {MoneyText.Date(asOf)}");
        // Money per currency, never summed across.
        foreach (var currency in rows.GroupBy(o => o.Currency).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"overdue {currency.Key}: {MoneyText.Amount(currency.Sum(o => o.Balance), currency.Key)} on {currency.Count()} invoice(s)");
        foreach (var o in rows)
        {
            output.WriteLine($"{o.Number} {o.CustomerName}: {MoneyText.Amount(o.Balance, o.Currency)} of {MoneyText.Amount(o.Total, o.Currency)} {o.Currency} open, "
                + $"due {MoneyText.Date(o.DueDate)}, {o.DaysOverdue} day(s) overdue");
        }
    }

    private static async Task<int> StatementAsync(CommandArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments["customer"] is not { } customerText || arguments["from"] is null || arguments["to"] is null)
        {
            error.WriteLine("statement needs --customer, --from and --to");
            error.WriteLine(Usage);
            return 2;
        }
        var (from, fromValid) = arguments.Date("from", error);
        var (to, toValid) = arguments.Date("to", error);
        if (!fromValid || !toValid) return 2;
        if (from > to)
        {
            error.WriteLine($"--from ({MoneyText.Date(from!.Value)}) must not be after --to ({MoneyText.Date(to!.Value)}).");
            return 2;
        }
        var pdfPath = arguments["pdf"];
        if (pdfPath is not null && arguments.Has("csv"))
        {
            error.WriteLine("--pdf and --csv: choose one");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata receivables …", error, cancellationToken);
        if (db is null) return 2;
        var customer = await CustomerLookup.FindAsync(db, customerText, error, cancellationToken);
        if (customer is null) return 2;
        var currency = (arguments["currency"] ?? customer.Currency).Trim().ToUpperInvariant();
        var statement = (await new ReceivablesViews(db).StatementAsync(customer.Id, currency, from!.Value, to!.Value, cancellationToken))!;

        if (pdfPath is not null)
        {
            var parties = (await StatementParties.LoadAsync(db, customer.Id, currency, cancellationToken))!;
            await File.WriteAllBytesAsync(pdfPath, new StatementPdf().Render(statement, parties), cancellationToken);
            output.WriteLine($"wrote {pdfPath}: {Heading(statement)}, {statement.Lines.Count} movement(s), closing balance "
                + $"{MoneyText.Amount(statement.ClosingBalance, currency)} {currency}");
            return 0;
        }
        if (arguments.Has("csv"))
        {
            CsvMoney Money(decimal amount) => new(amount, currency);
            CsvOutput.Write(output, ["Date", "Kind", "Reference", "Amount", "Balance"],
                [[statement.From, "opening", "", null, Money(statement.OpeningBalance)],
                    .. statement.Lines.Select(l => (IReadOnlyList<object?>)[l.Date, l.Kind, l.Reference, Money(l.Amount), Money(l.Balance)]),
                    [statement.To, "closing", "", null, Money(statement.ClosingBalance)]]);
            return 0;
        }
        string M(decimal amount) => MoneyText.Amount(amount, currency);
        output.WriteLine(Heading(statement));
        output.WriteLine($"{MoneyText.Date(statement.From)} Opening balance: {M(statement.OpeningBalance)}");
        foreach (var line in statement.Lines)
            output.WriteLine($"{MoneyText.Date(line.Date)} {StatementWording.KindName(line.Kind)} \"{line.Reference}\": {M(line.Amount)}, balance {M(line.Balance)}");
        output.WriteLine($"{MoneyText.Date(statement.To)} Closing balance: {M(statement.ClosingBalance)} {currency}");
        return 0;
    }

    private static string Heading(CustomerStatement statement) =>
        $"{StatementWording.Title} of {statement.CustomerName} in {statement.Currency}, {MoneyText.Date(statement.From)} to {MoneyText.Date(statement.To)}";
}
