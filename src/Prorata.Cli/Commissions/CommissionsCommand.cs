using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Commissions;
using Prorata.Application.Insight;
using Prorata.Cli.Receivables;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Domain.Contracts;

namespace Prorata.Cli.Commissions;

/// <summary>
/// `commissions ledger|statements|approve|paid …`: the commission ledger and the statements as the API shows them (as text,
/// or the API's CSV), and approving a statement or marking it paid by the same rules. Exit 0 when done, 1 when refused (a
/// month not ended, a statement approved or paid already, or not approved yet), 2 on bad arguments; nothing is written then.
/// </summary>
public static class CommissionsCommand
{
    private const string Usage = """
        usage: prorata commissions ledger [--from yyyy-MM] [--to yyyy-MM] [--salesperson ID|NAME|EMAIL] [--csv]
               prorata commissions statements [--from yyyy-MM] [--to yyyy-MM] [--salesperson ID|NAME|EMAIL]
               prorata commissions approve --salesperson ID|NAME|EMAIL --month yyyy-MM
               prorata commissions paid --salesperson ID|NAME|EMAIL --month yyyy-MM --reference TEXT
               (each also takes --connection STRING; approve and paid take --as NAME, who the record names; default: $USER;
               without --from and --to: the twelve months up to this one, UTC)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        (string[] Options, string[] Flags) shape = args.FirstOrDefault() switch
        {
            "ledger" => (["from", "to", "salesperson"], ["csv"]),
            "statements" => (["from", "to", "salesperson"], []),
            "approve" => (["salesperson", "month", "as"], []),
            "paid" => (["salesperson", "month", "reference", "as"], []),
            _ => ([], ["?"]),
        };
        if (shape.Flags is ["?"])
        {
            error.WriteLine(args.Length == 0 ? "commissions needs ledger, statements, approve or paid" : $"unknown verb '{args[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var arguments = CommandArguments.Parse(args[1..], shape.Options, shape.Flags, error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        ReportMonths? range = null;
        DateOnly? month = null;
        if (args[0] is "ledger" or "statements")
        {
            (range, var errors) = ReportMonths.Parse(arguments["from"], arguments["to"], today, 120);
            foreach (var (field, messages) in errors)
                foreach (var message in messages) error.WriteLine($"--{field}: {message}");
            if (range is null) return 2;
        }
        else
        {
            if (arguments["salesperson"] is null || arguments["month"] is null || (args[0] == "paid" && arguments["reference"] is null))
            {
                error.WriteLine(args[0] == "paid" ? "paid needs --salesperson, --month and --reference" : "approve needs --salesperson and --month");
                error.WriteLine(Usage);
                return 2;
            }
            if (!DateOnly.TryParseExact(arguments["month"], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                error.WriteLine($"--month: month must be a month written yyyy-MM, such as 2026-01; got '{arguments["month"]}'.");
                return 2;
            }
            month = parsed;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata commissions …", error, cancellationToken);
        if (db is null) return 2;
        Guid? salespersonId = null;
        if (arguments["salesperson"] is { } wanted)
        {
            var people = await db.Salespeople.AsNoTracking().Select(s => new { s.Id, s.Name, s.Email }).ToListAsync(cancellationToken);
            var found = people.Where(s => s.Id.ToString().Equals(wanted, StringComparison.OrdinalIgnoreCase) || s.Name == wanted
                || s.Email.Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count != 1)
            {
                error.WriteLine(found.Count == 0 ? $"--salesperson: no salesperson has the id, name or e-mail '{wanted}'" : $"--salesperson: several salespeople are named '{wanted}'; give the id");
                return 2;
            }
            salespersonId = found[0].Id;
        }

        var ledger = new CommissionLedger(db, new BillingOptions(), time);
        var statements = new CommissionStatements(db, ledger, time);
        switch (args[0])
        {
            case "ledger":
                var entries = (await ledger.EntriesAsync(range!.To.AddMonths(1).AddDays(-1), salespersonId, cancellationToken)).Where(e => e.PayableOn >= range.From).ToList();
                Ledger(entries, range, arguments.Has("csv"), output);
                return 0;
            case "statements":
                var list = await statements.ListAsync(range!.From, range.To, salespersonId, cancellationToken);
                output.WriteLine($"commission statements {range.From:yyyy-MM} to {range.To:yyyy-MM}{(list.Count == 0 ? ": nothing payable" : "")}");
                foreach (var s in list) output.WriteLine(Line(s));
                return 0;
            default:
                var actor = arguments.Actor;
                var result = args[0] == "approve"
                    ? await statements.ApproveAsync(salespersonId!.Value, month!.Value, actor, cancellationToken)
                    : await statements.PayAsync(salespersonId!.Value, month!.Value, arguments["reference"], actor, cancellationToken);
                if (result.Value is { } statement)
                {
                    output.WriteLine(Line(statement));
                    return 0;
                }
                error.WriteLine(result.Code is null ? result.Explanation : $"{result.Code}: {result.Explanation}");
                return result.Outcome == CommissionOutcome.Invalid ? 2 : 1;
        }
    }

    private static void Ledger(IReadOnlyList<CommissionEntry> entries, ReportMonths range, bool csv, TextWriter output)
    {
        if (csv)
        {
            CsvOutput.Write(output, CommissionCsv.Header, entries.Select(e => CommissionCsv.Cells(e)
                .Select((cell, i) => cell is decimal amount && CommissionCsv.Header[i] is "BasisAmount" or "Commission" ? new CsvMoney(amount, e.Currency) : cell).ToList()));
            return;
        }
        output.WriteLine($"commissions payable {range.From:yyyy-MM} to {range.To:yyyy-MM}{(entries.Count == 0 ? ": none" : "")}");
        foreach (var e in entries)
        {
            var commission = e.Commission is { } amount ? $"{MoneyText.Amount(amount, e.Currency)} {e.Currency}" : "cost unknown, earns nothing";
            var basis = e.BasisAmount is { } value ? MoneyText.Amount(value, e.Currency) : "?";
            output.WriteLine($"{e.PayableOn:yyyy-MM-dd} {e.SalespersonName}: {e.InvoiceNumber} line {e.LinePosition} {e.ProductId}/{e.SkuId}, "
                + $"{CommissionCsv.Percent(e.Rate)} % of {EnumText.ToWire(e.Basis)} {basis} = {commission} ({EnumText.ToWire(e.Kind)})");
        }
    }

    private static string Line(CommissionStatementView s)
    {
        var totals = s.Totals.Count == 0 ? "nothing" : string.Join(", ", s.Totals.Select(t => $"{MoneyText.Amount(t.Amount, t.Currency)} {t.Currency}"));
        var late = s.Entries.Count(e => e.Late);
        var state = s.State switch
        {
            Data.Commissions.CommissionStatementState.Paid => $"paid {s.PaidAt:yyyy-MM-dd} by {s.PaidBy} ({s.PaidReference})",
            Data.Commissions.CommissionStatementState.Approved => $"approved {s.ApprovedAt:yyyy-MM-dd} by {s.ApprovedBy}",
            _ => "open",
        };
        return $"{s.Month:yyyy-MM} {s.SalespersonName}: {totals} in {s.Entries.Count} entries{(late > 0 ? $" ({late} late)" : "")}"
            + $"{(s.CostUnknown > 0 ? $", {s.CostUnknown} of unknown cost" : "")}; {state}";
    }
}
