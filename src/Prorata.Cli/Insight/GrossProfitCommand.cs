using Microsoft.EntityFrameworkCore;
using Prorata.Application;
using Prorata.Application.Insight;
using Prorata.Cli.Receivables;
using Prorata.Data;

namespace Prorata.Cli.Insight;

/// <summary>
/// `metrics gross-profit …` reads gross profit as the API shows it, as text or as the API's CSV; `metrics margin-floors …`
/// lists, sets and removes the margin floors the billing run holds lines to. Exit 0, 1 when a floor to remove is not set,
/// 2 on bad arguments.
/// </summary>
public static class GrossProfitCommand
{
    private const string Usage = """
        usage: prorata metrics gross-profit [--by product|customer|contract|month|line] [--from yyyy-MM] [--to yyyy-MM] [--legal-entity ID|NAME]
                                            [--customer ID|NAME] [--csv] [--connection STRING]
               prorata metrics margin-floors [--set PRODUCT=PERCENT] [--remove PRODUCT] [--as NAME] [--connection STRING]
               (PRODUCT * is the partner's floor; without --from and --to: the twelve months up to this one, UTC)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var floors = args.FirstOrDefault() == "margin-floors";
        var arguments = floors
            ? CommandArguments.Parse(args[1..], ["set", "remove", "as"], [], error, Usage)
            : CommandArguments.Parse(args[1..], ["by", "from", "to", "legal-entity", "customer"], ["csv"], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        if (floors) return await FloorsAsync(arguments, output, error, time, cancellationToken);

        var (query, errors) = GrossProfitQuery.Parse(arguments["from"], arguments["to"], arguments["by"], DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (query is null)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages) error.WriteLine($"--{field}: {message}");
            return 2;
        }
        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata metrics gross-profit …", error, cancellationToken);
        if (db is null) return 2;
        Guid? entityId = null, customerId = null;
        if (arguments["legal-entity"] is { } wantedEntity)
        {
            var entities = await db.LegalEntities.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
            var found = entities.Where(e => e.Id.ToString().Equals(wantedEntity, StringComparison.OrdinalIgnoreCase) || e.Name == wantedEntity).ToList();
            if (found.Count != 1)
            {
                error.WriteLine(found.Count == 0 ? $"--legal-entity: no legal entity has the id or name '{wantedEntity}'" : $"--legal-entity: several legal entities are named '{wantedEntity}'; give the id");
                return 2;
            }
            entityId = found[0].Id;
        }
        if (arguments["customer"] is { } wantedCustomer)
        {
            if (await CustomerLookup.FindAsync(db, wantedCustomer, error, cancellationToken) is not { } customer) return 2;
            customerId = customer.Id;
        }

        var range = query.Range;
        var view = await new GrossProfitReport(db).ReadAsync(range.From, range.To, query.By, new GrossProfitFilter(entityId, customerId), cancellationToken);
        if (arguments.Has("csv"))
        {
            if (query.By == GrossProfitGrouping.Line)
                CsvOutput.Write(output, GrossProfitCsv.LineHeader, view.Lines.Select(l => Money(GrossProfitCsv.LineCells(l), l.Currency, "MarginPercent", GrossProfitCsv.LineHeader)));
            else
                CsvOutput.Write(output, GrossProfitCsv.GroupHeader, view.Groups.Select(g => Money(GrossProfitCsv.GroupCells(g), g.Currency, "MarginPercent", GrossProfitCsv.GroupHeader)));
            return 0;
        }
        var empty = view.Groups.Count == 0 && view.Lines.Count == 0;
        output.WriteLine($"gross profit by {view.By} {range.From:yyyy-MM} to {range.To:yyyy-MM}{(empty ? ": no invoice was issued in these months" : "")}");
        foreach (var g in view.Groups)
        {
            string M(decimal amount) => MoneyText.Amount(amount, g.Currency);
            var reconciled = g.ReconciledGrossProfit is { } r ? $"; Microsoft {(g.MicrosoftDifference >= 0 ? "+" : "")}{M(g.MicrosoftDifference!.Value)}, reconciled {M(r)}" : "";
            var unknown = g.AmountWithoutCost != 0 ? $"; {M(g.AmountWithoutCost)} billed without a known cost" : "";
            output.WriteLine($"{g.Name} {g.Currency}: {g.Lines} line{(g.Lines == 1 ? "" : "s")}, amount {M(g.Amount)}, cost {M(g.Cost)}, gross profit {M(g.GrossProfit)}"
                + $"{(g.MarginPercent is { } m ? $" ({m:0.00} %)" : "")}{unknown}{reconciled}");
        }
        foreach (var l in view.Lines)
        {
            string M(decimal amount) => MoneyText.Amount(amount, l.Currency);
            var profit = l.GrossProfit is { } p ? $"gross profit {M(p)} ({l.MarginPercent:0.00} %)" : "cost not known";
            output.WriteLine($"{l.InvoiceNumber ?? "draft"} line {l.Position} {MoneyText.Date(l.InvoiceDate)} {l.CustomerName} {l.SkuId} {MoneyText.Date(l.PeriodStart)}–{MoneyText.Date(l.PeriodEnd)}: "
                + $"{M(l.Amount)} {l.Currency}, {profit}{(l.FloorShortfall is { } s ? $", {M(s)} under the margin floor" : "")}");
        }
        if (view.Truncated) output.WriteLine($"(the first {GrossProfitReport.MaxLines} lines; narrow by --customer or --legal-entity)");
        return 0;
    }

    private static async Task<int> FloorsAsync(CommandArguments arguments, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata metrics margin-floors …", error, cancellationToken);
        if (db is null) return 2;
        var settings = new MarginFloorSettings(db, time);
        if (arguments["set"] is { } set)
        {
            var parts = set.Split('=', 2);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var percent))
            {
                error.WriteLine($"--set: write PRODUCT=PERCENT, such as *=5 or CFQ7TTC0LH18=7.5; got '{set}'");
                return 2;
            }
            var saved = await settings.SetAsync(parts[0], percent, arguments.Actor, cancellationToken);
            if (saved.Outcome != SaveOutcome.Saved)
            {
                foreach (var (field, messages) in saved.Errors)
                    foreach (var message in messages) error.WriteLine($"--set ({field}): {message}");
                return 2;
            }
        }
        if (arguments["remove"] is { } remove && !await settings.RemoveAsync(remove, cancellationToken))
        {
            error.WriteLine($"--remove: no margin floor is set for '{remove}'");
            return 1;
        }
        var list = await settings.ListAsync(cancellationToken);
        output.WriteLine(list.Count == 0 ? "no margin floor is set" : "margin floors (percent over the provider cost):");
        foreach (var f in list)
            output.WriteLine(FormattableString.Invariant($"{(f.ProductId == "*" ? "* (partner)" : f.ProductId)}: {f.Percent:0.##} %, set by {f.UpdatedBy} on {MoneyText.Date(f.UpdatedAt)}"));
        return 0;
    }

    /// <summary>The cells with every money column written in its currency's decimals; the margin is a percentage, not money.</summary>
    private static IReadOnlyList<object?> Money(IReadOnlyList<object?> cells, string currency, string percentColumn, IReadOnlyList<string> header) =>
        cells.Select((cell, i) => cell is decimal amount && header[i] != percentColumn && header[i] != "Quantity" ? new CsvMoney(amount, currency) : cell).ToList();
}
