using Prorata.Domain.Reconciliation;

namespace Prorata.Reconciliation.Tests;

/// <summary>Azure plan lines of the invoice recon file matched against imported daily usage, per plan, month and meter.</summary>
public sealed class UsageMatchingTests
{
    private const string Plan = "c0ffee00-0001-4000-8000-00000000a001";
    private static readonly DateOnly June = new(2025, 6, 1);

    // June's VM meter: 720 hours over 30 daily rows of 61.20.
    private static readonly ExpectedUsage Vm = new(Plan, June, "DZH318Z0BQ3Q", "0009", 1836.00m, 720m, 30);
    private static readonly ExpectedUsage Storage = new(Plan, June, "DZH318Z0BQ3Q", "000F", 2.13m, 100m, 1);

    [Theory]
    // Microsoft's month equals the daily rows: matched, nothing at stake.
    [InlineData("0009", 720, 1836.00, "Matched", "None", 0)]
    // 0.27 apart over 30 daily rows: within ±0.01 per row, the month truncated once.
    [InlineData("0009", 720, 1836.27, "Matched", "RoundingConvention", 0)]
    // 24 more hours billed than imported: a day's rows missing from the imported files.
    [InlineData("0009", 744, 1897.20, "QuantityMismatch", "UsageNotImported", 61.20)]
    // Same hours, 10.00 more: re-rated after the daily file.
    [InlineData("0009", 720, 1846.00, "AmountMismatch", "Unexplained", 10.00)]
    // A meter with no imported usage in June.
    [InlineData("0042", 5, 12.50, "UnexpectedCharge", "UsageNotImported", 12.50)]
    public void Match_AzurePlanLine_ClassifiedAgainstTheImportedUsage(string sku, int quantity, double subtotal, string state, string cause, double atStake)
    {
        var matcher = new Matcher([], [], [Vm, Storage]);

        var outcome = matcher.Match(Line(2, sku, quantity, (decimal)subtotal));

        Assert.Equal((state, cause, (decimal)atStake), (outcome.State.ToString(), outcome.RootCause.ToString(), outcome.MoneyAtStake));
    }

    [Fact]
    public void Reconcile_BothMetersBilled_MatchedWithTheirExpectedCostAndTotals()
    {
        var result = Matcher.Reconcile([Line(2, "0009", 720, 1836.00m), Line(3, "000F", 100, 2.13m)], [], [], [Vm, Storage]);

        Assert.Equal([(ReconState.Matched, (decimal?)1836.00m), (ReconState.Matched, 2.13m)], result.Lines.Select(l => (l.State, l.ExpectedTotal)));
        Assert.Equal((2, 0, 0m, 1838.13m, 1838.13m), (result.Summary.Matched, result.Summary.UnexpectedCharge, result.Summary.MoneyAtStake,
            result.Summary.ActualTotal, result.Summary.ExpectedTotal));
    }

    [Fact]
    public void Match_SameMeterTwiceInAMonth_SecondLineIsUnexpected()
    {
        var matcher = new Matcher([], [], [Storage]);

        matcher.Match(Line(2, "000F", 100, 2.13m));
        var second = matcher.Match(Line(3, "000F", 100, 2.13m));

        Assert.Equal((ReconState.UnexpectedCharge, RootCause.UsageNotImported, 2.13m), (second.State, second.RootCause, second.MoneyAtStake));
        Assert.Empty(matcher.UnmatchedUsage());
    }

    [Fact]
    public void Match_AzurePlanNotInProrataAndNoUsage_UnknownSubscription()
    {
        var matcher = new Matcher([], [], [Vm]);

        var outcome = matcher.Match(Line(2, "0009", 720, 1836.00m) with { SubscriptionId = "c0ffee00-0009-4000-8000-00000000a009" });

        Assert.Equal((ReconState.UnknownSubscription, RootCause.OrphanSubscription), (outcome.State, outcome.RootCause));
        Assert.Equal([Vm], matcher.UnmatchedUsage());
    }

    [Fact]
    public void FromRows_DailyUsageFile_OneExpectationPerPlanMonthAndMeter()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Files", "daily-usage.csv"));

        var expected = ExpectedUsage.FromRows(Integrations.ReconFiles.UsageReconReader.ReadCsv(stream));

        Assert.Equal(
            [
                (Plan, June, "0009", 122.40m, 48m, 2),
                (Plan, new DateOnly(2025, 7, 1), "0009", 8.50m, 10m, 1),
                ("c0ffee00-0002-4000-8000-00000000a002", June, "0009", 2.13m, 100m, 1),
            ],
            expected.Select(e => (e.Subscription, e.Month, e.SkuId, e.Cost, e.Quantity, e.Rows)));
    }

    private static ReconLine Line(long row, string sku, decimal quantity, decimal subtotal) => new()
    {
        Row = row, CustomerId = "4c1a5d1e-6a52-4b1f-9a8e-1f0c2b3d4e5f", SubscriptionId = Plan, SubscriptionDescription = "Azure plan", ProductId = "DZH318Z0BQ3Q",
        SkuId = sku, ChargeTypeName = "new", ChargeType = Domain.Billing.ChargeType.New, ChargeStartDate = June, ChargeEndDate = new DateOnly(2025, 6, 30),
        UnitPrice = 0m, BillableQuantity = quantity, Subtotal = subtotal, Total = subtotal, Currency = "USD",
    };
}
