using Prorata.Application.Insight;
using Prorata.Cli.Receivables;
using Prorata.Data.Billing;

namespace Prorata.Cli.Insight;

/// <summary>
/// `metrics renewals …`: the renewals ahead as the API lists them, with what to schedule, as text or as the API's CSV.
/// Accepting a suggestion is the page's or the API's (it may go to Partner Center). Exit 0, 2 on bad arguments.
/// </summary>
public static class RenewalsCommand
{
    private const string Usage = """
        usage: prorata metrics renewals [--within 30|60|90] [--customer ID|NAME] [--csv] [--partner-currency USD] [--connection STRING]
               (the renewals after today, UTC, up to --within days; 30 without it)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var arguments = CommandArguments.Parse(args, ["within", "customer", "partner-currency"], ["csv"], error, Usage);
        if (arguments is null) return 2;
        if (arguments.Values.Count > 0)
        {
            error.WriteLine($"unknown argument '{arguments.Values[0]}'");
            error.WriteLine(Usage);
            return 2;
        }
        var (within, errors) = RenewalWindow.Parse(arguments["within"]);
        if (within is null)
        {
            foreach (var (field, messages) in errors)
                foreach (var message in messages) error.WriteLine($"--{field}: {message}");
            return 2;
        }

        await using var db = await CommandDatabase.OpenAsync(arguments.Connection, "usage: prorata metrics renewals …", error, cancellationToken);
        if (db is null) return 2;
        Guid? customerId = null;
        if (arguments["customer"] is { } wanted)
        {
            if (await CustomerLookup.FindAsync(db, wanted, error, cancellationToken) is not { } customer) return 2;
            customerId = customer.Id;
        }
        var now = time.GetUtcNow();
        var options = new BillingOptions { PartnerCurrency = arguments["partner-currency"] ?? "USD" };
        var rows = await new RenewalsAhead(db, options).ListAsync(now, within.Value, customerId, null, cancellationToken);
        if (arguments.Has("csv"))
        {
            CsvOutput.Write(output, RenewalAheadCsv.Header, rows.Select(r => (IReadOnlyList<object?>)[.. RenewalAheadCsv.Cells(r)
                .Select(cell => cell is decimal price ? new CsvMoney(price, r.Currency) : cell)]));
            return 0;
        }
        output.WriteLine($"renewals after {MoneyText.Date(now)} within {within} days{(rows.Count == 0 ? ": none" : "")}");
        foreach (var r in rows)
        {
            var cycle = r.BillingPlan switch { "monthly" => "a month", "annual" => "a year", _ => "per 3 years" };
            var price = r.UnitPrice is { } unit ? $"{MoneyText.Amount(unit, r.Currency)} {r.Currency} {cycle}" : "no price";
            output.WriteLine($"{MoneyText.Date(r.RenewsOn)} {r.CustomerName}, {r.Title} {r.Term} {r.BillingPlan}, renews at {price}: {r.SuggestionText}");
        }
        return 0;
    }
}
