namespace Prorata.Domain.Reconciliation;

/// <summary>
/// Rates Azure daily usage into customer lines, one per Azure plan subscription and calendar month, and keeps the
/// trace both ways: a customer line lists its usage rows, and <see cref="LineOf"/> finds the line a row went into.
/// </summary>
public sealed class UsageRating
{
    private readonly Dictionary<long, RatedUsage> lineByRow = [];

    private UsageRating(IReadOnlyList<RatedUsage> lines)
    {
        Lines = lines;
        foreach (var line in lines)
        {
            foreach (var row in line.SourceRows)
            {
                lineByRow[row] = line;
            }
        }
    }

    public IReadOnlyList<RatedUsage> Lines { get; }

    /// <param name="rows">The usage file's rows, in any order.</param>
    /// <param name="pricingFor">The contract's usage rule for an Azure plan subscription, or null when none applies.</param>
    /// <param name="minorUnits">Decimals of the billing currency (USD 2, JPY 0).</param>
    public static UsageRating Rate(IEnumerable<UsageLine> rows, Func<string, UsagePricing?> pricingFor, int minorUnits)
    {
        var groups = new Dictionary<(string Subscription, DateOnly Month), (decimal Cost, decimal Retail, string Currency, List<long> Rows)>();
        var order = new List<(string, DateOnly)>();
        foreach (var row in rows)
        {
            var key = (row.SubscriptionId, new DateOnly(row.UsageDate.Year, row.UsageDate.Month, 1));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (0m, 0m, row.BillingCurrency, []);
                order.Add(key);
            }
            group.Rows.Add(row.Row);
            // Retail is in the pricing currency (USD); the month's rate converts it to the billing currency (§6.1).
            groups[key] = (group.Cost + row.BillingPreTaxTotal, group.Retail + (row.PricingPreTaxTotal * row.PcToBcExchangeRate), group.Currency, group.Rows);
        }

        var lines = new List<RatedUsage>(order.Count);
        foreach (var key in order)
        {
            var (cost, retail, currency, sourceRows) = groups[key];
            var pricing = pricingFor(key.Item1);
            var exact = pricing switch
            {
                { Basis: UsagePricingBasis.MarkupOnCost } => cost * (1m + (pricing.Percent / 100m)),
                { Basis: UsagePricingBasis.DiscountOffRetail } => retail * (1m - (pricing.Percent / 100m)),
                _ => retail,
            };
            var amount = Math.Round(exact, minorUnits, MidpointRounding.AwayFromZero);
            lines.Add(new RatedUsage(key.Item1, key.Item2, cost, retail, amount, currency, sourceRows, pricing is null));
        }
        return new UsageRating(lines);
    }

    /// <summary>The customer line a usage row was billed on, or null when the row was not rated here.</summary>
    public RatedUsage? LineOf(long row) => lineByRow.GetValueOrDefault(row);
}
