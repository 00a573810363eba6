namespace Prorata.Domain.Reconciliation;

/// <summary>
/// What Microsoft's invoice reconciliation file should bill for one Azure plan meter in one month (microsoft-csp.md
/// §6.1: one invoice line per meter per month), from the imported daily-rated usage rows: <see cref="Cost"/> is
/// Σ BillingPreTaxTotal, <see cref="Quantity"/> Σ Quantity, over <see cref="Rows"/> daily rows. <see cref="Month"/> is the
/// first day of the month; the meter is named by its catalog ProductId and SkuId, as both files name it.
/// </summary>
public sealed record ExpectedUsage(string Subscription, DateOnly Month, string ProductId, string SkuId, decimal Cost, decimal Quantity, int Rows)
{
    public DateOnly MonthEnd => Month.AddMonths(1).AddDays(-1);

    /// <summary>Sums daily rows per Azure plan (as the files name it), month and meter, in first-seen order.</summary>
    public static IReadOnlyList<ExpectedUsage> FromRows(IEnumerable<UsageLine> rows)
    {
        var sums = new Dictionary<(string, DateOnly, string, string), (decimal Cost, decimal Quantity, int Rows)>();
        var order = new List<(string, DateOnly, string, string)>();
        foreach (var row in rows)
        {
            var key = (row.SubscriptionId.ToLowerInvariant(), new DateOnly(row.UsageDate.Year, row.UsageDate.Month, 1), row.ProductId.ToUpperInvariant(), row.SkuId.ToUpperInvariant());
            if (!sums.TryGetValue(key, out var sum))
            {
                order.Add(key);
            }
            sums[key] = (sum.Cost + row.BillingPreTaxTotal, sum.Quantity + row.Quantity, sum.Rows + 1);
        }
        return [.. order.Select(k => new ExpectedUsage(k.Item1, k.Item2, k.Item3, k.Item4, sums[k].Cost, sums[k].Quantity, sums[k].Rows))];
    }
}
