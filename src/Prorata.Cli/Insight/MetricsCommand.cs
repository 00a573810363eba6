using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Application.Insight;
using Prorata.Data.Billing;
using Prorata.Cli.Receivables;

namespace Prorata.Cli.Insight;

/// <summary>
/// `metrics mrr|deferred-revenue|renewals|gross-profit|margin-floors …`: MRR with its movements (its rows per customer,
/// product or legal entity, its totals optionally converted at stated rates) and the deferred revenue schedule as the API
/// shows them, as text or as the API's CSV for the books. Exit 0, 2 on bad arguments (a currency of the MRR report
/// without a rate is one).
/// </summary>
public static class MetricsCommand
{
    private const string Usage = """
        usage: prorata metrics mrr [--from yyyy-MM] [--to yyyy-MM] [--legal-entity ID|NAME] [--by customer|product|legal-entity|salesperson]
                   [--convert-to EUR --rates USD:0.92,GBP:1.17] [--partner-currency USD] [--csv] [--connection STRING]
               prorata metrics renewals [--within 30|60|90] [--customer ID|NAME] [--csv] [--partner-currency USD] [--connection STRING]
               prorata metrics deferred-revenue [--from yyyy-MM] [--to yyyy-MM] [--legal-entity ID|NAME] [--csv] [--connection STRING]
               prorata metrics gross-profit [--by product|customer|contract|month|line] [--from yyyy-MM] [--to yyyy-MM] [--legal-entity ID|NAME] [--customer ID|NAME] [--csv]
               prorata metrics margin-floors [--set PRODUCT=PERCENT] [--remove PRODUCT]
               (without --from and --to: the twelve months up to this one, UTC)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var verb = args.FirstOrDefault();
        if (verb == "renewals") return await RenewalsCommand.RunAsync(args[1..], output, error, time, cancellationToken);
        if (verb is "gross-profit" or "margin-floors") return await GrossProfitCommand.RunAsync(args, output, error, time, cancellationToken);
        if (verb is not ("mrr" or "deferred-revenue"))
        {
            error.WriteLine(args.Length == 0 ? "metrics needs mrr, renewals, deferred-revenue, gross-profit or margin-floors" : $"unknown verb '{args[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var arguments = CommandArguments.Parse(args[1..], verb == "mrr" ? ["from", "to", "legal-entity", "by", "convert-to", "rates", "partner-currency"] : ["from", "to", "legal-entity"], ["csv"],
            error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var (range, errors) = ReportMonths.Parse(arguments["from"], arguments["to"], DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            verb == "mrr" ? MrrReport.MaxMonths : DeferredRevenueReport.MaxMonths);
        MrrGrouping? by = arguments["by"] switch
        {
            null or "customer" => MrrGrouping.Customer,
            "product" => MrrGrouping.Product,
            "legal-entity" => MrrGrouping.LegalEntity,
            "salesperson" => MrrGrouping.Salesperson,
            _ => null,
        };
        if (by is null) errors["by"] = [$"by must be customer, product, legal-entity or salesperson; got '{arguments["by"]}'."];
        var (rates, rateErrors) = MrrConversion.Parse(arguments["convert-to"], arguments["rates"]);
        foreach (var (field, messages) in rateErrors) errors[field == "convertTo" ? "convert-to" : field] = messages;
        if (range is null || errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages) error.WriteLine($"--{field}: {message}");
            return 2;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata metrics …", error, cancellationToken);
        if (db is null) return 2;
        Guid? entityId = null;
        if (arguments["legal-entity"] is { } wanted)
        {
            entityId = await LegalEntityLookup.FindAsync(db, wanted, error, cancellationToken);
            if (entityId is null) return 2;
        }

        if (verb == "mrr")
        {
            var options = new BillingOptions();
            if (arguments["partner-currency"] is { } partnerCurrency) options = new BillingOptions { PartnerCurrency = partnerCurrency };
            var view = await new MrrReport(db, options).MonthsAsync(range.From, range.To, entityId, by!.Value, cancellationToken);
            if (rates is not null)
            {
                var unrated = MrrConversion.Unrated(view, rates);
                if (unrated.Count > 0)
                {
                    error.WriteLine($"--rates: no rate to {rates.Target.Code} was stated for {string.Join(", ", unrated)}, which these months have");
                    return 2;
                }
                view = MrrConversion.Apply(view, rates);
            }
            Mrr(view, range, by.Value, arguments["by"] is not null, arguments.Has("csv"), output);
            return 0;
        }
        var rows = await new DeferredRevenueReport(db).MonthsAsync(range.From, range.To, entityId, cancellationToken);
        if (arguments.Has("csv"))
        {
            CsvOutput.Write(output, ["LegalEntity", "Currency", "Month", "Opening", "Billed", "Recognised", "Closing"],
                rows.Select(r => (IReadOnlyList<object?>)[r.LegalEntityName, r.Currency, r.Month, .. new[] { r.Opening, r.Billed, r.Recognised, r.Closing }
                    .Select(amount => (object?)new CsvMoney(amount, r.Currency))]));
            return 0;
        }
        output.WriteLine($"deferred revenue {range.From:yyyy-MM} to {range.To:yyyy-MM}{(rows.Count == 0 ? ": nothing deferred" : "")}");
        foreach (var r in rows)
        {
            string M(decimal amount) => MoneyText.Amount(amount, r.Currency);
            output.WriteLine($"{r.LegalEntityName} {r.Currency} {r.Month}: opening {M(r.Opening)}, billed {M(r.Billed)}, recognised {M(r.Recognised)}, closing {M(r.Closing)}");
        }
        return 0;
    }

    private static void Mrr(MrrView view, ReportMonths range, MrrGrouping by, bool rows, bool csv, TextWriter output)
    {
        if (csv)
        {
            CsvOutput.Write(output, MrrCsv.Header(by), MrrCsv.Rows(view, by).Select(r => (IReadOnlyList<object?>)[.. r.Cells
                .Select(cell => cell is decimal amount ? new CsvMoney(amount, r.Currency) : cell)]));
            return;
        }
        output.WriteLine($"MRR {range.From:yyyy-MM} to {range.To:yyyy-MM}{(view.Months.Count == 0 ? ": no subscription was active at these month ends" : "")}");
        foreach (var m in view.Months)
        {
            string M(decimal amount) => MoneyText.Amount(amount, m.Currency);
            output.WriteLine($"{m.Currency} {m.Month}: MRR {M(m.Mrr)} ({m.Customers} customers), new {M(m.New)}, expansion {M(m.Expansion)}, contraction {M(m.Contraction)}, "
                + $"churn {M(m.Churn)}, reactivation {M(m.Reactivation)}; cost {M(m.MrrCost)}, margin {M(m.Margin)}, ARR {M(m.Arr)}; usage {M(m.Usage)}");
        }
        foreach (var c in view.Converted ?? [])
        {
            string M(decimal amount) => MoneyText.Amount(amount, c.Currency);
            var at = string.Join(", ", c.Rates.Select(r => $"{r.Key} {r.Value.ToString(CultureInfo.InvariantCulture)}"));
            output.WriteLine($"converted to {c.Currency} {c.Month} at {at}: MRR {M(c.Mrr)}, cost {M(c.MrrCost)}, margin {M(c.Margin)}, ARR {M(c.Arr)}; usage {M(c.Usage)}");
        }
        if (!rows) return;
        var lines = view.Groups is { } groups
            ? groups.Select(g => (g.Month, Name: by == MrrGrouping.Product ? $"{g.Key} {g.Name}" : g.Name, g.Currency, g.Mrr, g.MrrCost, g.Arr, g.Margin, g.Movement))
            : view.Customers.Select(c => (c.Month, Name: c.CustomerName, c.Currency, c.Mrr, c.MrrCost, c.Arr, c.Margin, c.Movement));
        foreach (var r in lines)
        {
            string M(decimal amount) => MoneyText.Amount(amount, r.Currency);
            output.WriteLine($"{r.Month} {r.Name} {r.Currency}: MRR {M(r.Mrr)}, cost {M(r.MrrCost)}, margin {M(r.Margin)}, ARR {M(r.Arr)}, {r.Movement}");
        }
    }
}
