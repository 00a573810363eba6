using Prorata.Domain.Reconciliation;
using Prorata.Integrations.ReconFiles;

namespace Prorata.Reconciliation.Tests;

public sealed class UsageTests
{
    private const string P1 = "c0ffee00-0001-4000-8000-00000000a001";
    private const string P2 = "c0ffee00-0002-4000-8000-00000000a002";

    private static List<UsageLine> ReadUsage()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Files", "daily-usage.csv"));
        return UsageReconReader.ReadCsv(stream).ToList();
    }

    [Fact]
    public void ReadCsv_DailyRatedUsageFile_TypedRowsWithTheAzureSubscriptionAndRetail()
    {
        var rows = ReadUsage();

        Assert.Equal(4, rows.Count);
        var storage = rows[3];
        Assert.Equal((5L, P2, "22222222-aaaa-4bbb-8ccc-000000000002", new DateOnly(2025, 6, 10)), (storage.Row, storage.SubscriptionId, storage.EntitlementId, storage.UsageDate));
        Assert.Equal((100m, 2.13m, "EUR", 2.50m, 0.92m, 0m), (storage.Quantity, storage.BillingPreTaxTotal, storage.BillingCurrency, storage.PricingPreTaxTotal, storage.PcToBcExchangeRate, storage.PartnerEarnedCreditPercentage));
        Assert.Equal(new DateOnly(2025, 7, 1), rows[2].UsageDate);
        Assert.Contains(new KeyValuePair<string, string>("Tags", "{\"env\":\"prod\"}"), rows[0].Extra);
    }

    [Fact]
    public void Rate_MarkupOnCostAndDiscountOffRetail_OneLinePerSubscriptionAndMonthRoundedOnce()
    {
        var rating = UsageRating.Rate(ReadUsage(), s => s == P1 ? new UsagePricing(UsagePricingBasis.MarkupOnCost, 10m) : new UsagePricing(UsagePricingBasis.DiscountOffRetail, 5m), 2);

        // June: cost 61.20 + 61.20 = 122.40, +10% = 134.64; July: 8.50 + 10% = 9.35;
        // storage: retail 2.50 USD × 0.92 = 2.30 EUR, −5% = 2.185, half away from zero = 2.19.
        Assert.Equal(
            [(P1, new DateOnly(2025, 6, 1), 122.40m, 134.64m), (P1, new DateOnly(2025, 7, 1), 8.50m, 9.35m), (P2, new DateOnly(2025, 6, 1), 2.13m, 2.19m)],
            rating.Lines.Select(l => (l.Subscription, l.Month, l.Cost, l.Amount)));
        Assert.All(rating.Lines, l => Assert.False(l.Unpriced));
    }

    [Fact]
    public void Rate_SubscriptionWithoutRule_BilledAtRetailAndFlaggedUnpriced()
    {
        var rating = UsageRating.Rate(ReadUsage(), s => s == P1 ? new UsagePricing(UsagePricingBasis.MarkupOnCost, 10m) : null, 2);

        var storage = rating.Lines[2];
        Assert.Equal((2.30m, true), (storage.Amount, storage.Unpriced));
    }

    [Fact]
    public void LineOf_UsageRow_TracesForwardToTheCustomerLineThatListsItBack()
    {
        var rating = UsageRating.Rate(ReadUsage(), _ => new UsagePricing(UsagePricingBasis.MarkupOnCost, 0m), 2);

        var june = rating.LineOf(3);

        Assert.NotNull(june);
        Assert.Equal((P1, new DateOnly(2025, 6, 1)), (june.Subscription, june.Month));
        Assert.Equal([2L, 3L], june.SourceRows);
        Assert.Null(rating.LineOf(99));
    }
}
