using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Prorata.Application.Insight;
using Prorata.Data;
using Prorata.Data.Billing;
using Prorata.Testing;

namespace Prorata.Bench;

/// <summary>
/// `mrr [--contracts 10000] [--months 24] [--by customer|product|legal-entity]` (issue 15): the billing-run book in PostgreSQL (<see cref="BillingRunSeed"/>:
/// 10,000 USD contracts × 10 P1Y monthly subscriptions = 100,000 subscriptions, 10 change-log entries each, all in
/// February 2026, auto-renew on or off), then MRR with its movements for every customer over the 24 month ends from
/// February 2026 (the purchases, and the first renewals in February 2027) as the API computes it, best of 3. Checks the
/// totals against the book: at the end of February 2026 every subscription counts, seats × 1.12 × its monthly cost.
/// <c>--by</c> times the rows per product or legal entity instead of per customer. Target: ≤ 5 s.
/// </summary>
public static class MrrBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);
    private static readonly DateOnly First = new(2026, 2, 1);

    public static int Run(string[] args)
    {
        var (contracts, months, by) = (10_000, 24, MrrGrouping.Customer);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--contracts": contracts = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--months": months = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--by": by = Enum.Parse<MrrGrouping>(args[++i].Replace("-", ""), ignoreCase: true); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; mrr [--contracts 10000] [--months 24] [--by customer|product|legal-entity]");
                    return 2;
            }
        }
        return RunAsync(contracts, months, by).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int contractCount, int months, MrrGrouping by)
    {
        var ct = CancellationToken.None;
        var seed = new BillingRunSeed(contractCount, 10, 10);
        var connectionString = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("prorata_mrr", ct)) { Pooling = true }.ConnectionString;
        try
        {
            var load = Stopwatch.StartNew();
            await BillingRunSeed.MigrateWithPriceListAsync(connectionString, ct);
            var subscriptions = await seed.LoadContractsAsync(connectionString, ct);
            var rows = await seed.LoadChangeLogAsync(connectionString, subscriptions, ct);
            await BillingRunSeed.AnalyzeAsync(connectionString, ct);
            Console.WriteLine($"loaded {contractCount:N0} contracts, {subscriptions.Count:N0} subscriptions, {rows:N0} change-log rows in {load.Elapsed.TotalSeconds:F1} s");

            MrrView view = new([], []);
            var best = TimeSpan.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(connectionString));
                var watch = Stopwatch.StartNew();
                view = await new MrrReport(db, new BillingOptions()).MonthsAsync(First, First.AddMonths(months - 1), null, by, ct);
                if (watch.Elapsed < best) best = watch.Elapsed;
            }
            Console.WriteLine($"MRR with movements, {months} month ends × {contractCount:N0} customers ({view.Customers.Count:N0} customer rows"
                + (view.Groups is { } groups ? $", {groups.Count:N0} rows per {view.By}" : "") + $") from {subscriptions.Count:N0} subscriptions: best of 3 {best.TotalSeconds:F2} s");
            foreach (var m in view.Months.Where((_, i) => i < 2 || i == 12 || i == 13 || i == view.Months.Count - 1))
                Console.WriteLine($"  {m.Currency} {m.Month}: MRR {m.Mrr:N2} ({m.Customers:N0} customers), new {m.New:N2}, expansion {m.Expansion:N2}, "
                    + $"contraction {m.Contraction:N2}, churn {m.Churn:N2}; cost {m.MrrCost:N2}");

            var first = view.Months.FirstOrDefault();
            var balanced = view.Months.Zip(view.Months.Skip(1)).All(p => p.Second.Mrr == p.First.Mrr + p.Second.New + p.Second.Expansion - p.Second.Contraction
                - p.Second.Churn + p.Second.Reactivation);
            var ok = first is { Customers: var c } && c == contractCount && first.New == first.Mrr && balanced && view.Months.Count == months && best <= Target;
            Console.WriteLine($"{(ok ? "ok" : "FAILED")}: {view.Months.Count} months; the first has every customer as new; each month = the one before + its movements: "
                + $"{(balanced ? "yes" : "no")}; {(best <= Target ? "within" : "over")} {Target.TotalSeconds:F0} s");
            return ok ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresServer.DropDatabaseAsync(connectionString, ct);
        }
    }
}
