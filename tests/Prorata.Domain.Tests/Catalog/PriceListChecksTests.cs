using Prorata.Domain.Catalog;

namespace Prorata.Domain.Tests.Catalog;

public class PriceListChecksTests
{
    private static readonly DateOnly Today = new(2026, 3, 14);
    private static readonly DateOnly March = new(2026, 3, 1);

    private static PriceListRow Row(string product, TermDuration term, BillingPlan plan, decimal price, DateOnly? from = null) =>
        new(product, "0001", $"Title {product}", term, plan, price, null, "USD", from ?? March, null);

    private static readonly PriceListRow[] Previous =
    [
        Row("A", TermDuration.P1Y, BillingPlan.Annual, 120m), Row("A", TermDuration.P1Y, BillingPlan.Monthly, 126m),
        Row("B", TermDuration.P1Y, BillingPlan.Annual, 240m), Row("B", TermDuration.P1Y, BillingPlan.Monthly, 252m),
    ];

    [Fact]
    public void Check_SameListAgain_NoWarning()
    {
        Assert.Empty(PriceListChecks.Check(Previous, Previous, [new OfferInUse("A", "0001", TermDuration.P1Y, BillingPlan.Monthly, 3)], Today));
    }

    [Fact]
    public void Check_FirstList_OnlyChecksItsOwnRows()
    {
        Assert.Empty(PriceListChecks.Check(Previous, [], [], Today));
    }

    [Fact]
    public void Check_OneOfFourOffers_PartialListNamingTheMissingProduct()
    {
        var warning = Assert.Single(PriceListChecks.Check([Previous[0]], Previous, [], Today));

        Assert.Equal(PriceListWarningKind.PartialList, warning.Kind);
        Assert.True(warning.NeedsConfirmation);
        Assert.Equal("The file has 1 offers of 1 products; the list it replaces had 4 offers of 2 products, and 1 of those products are missing entirely. "
            + "Is the file complete?", warning.Message);
        Assert.Equal(["B Title B: 2 offers missing"], warning.Rows);
    }

    [Fact]
    public void Check_HalfTheOffersEveryProductThere_NotPartial()
    {
        Assert.Empty(PriceListChecks.Check([Previous[0], Previous[2]], Previous, [], Today));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Check_OneProductMissing_PartialFromOneInTen(int products, bool partial)
    {
        var previous = Enumerable.Range(1, products).Select(i => Row($"P{i:00}", TermDuration.P1Y, BillingPlan.Annual, 100m)).ToList();

        var warnings = PriceListChecks.Check(previous.Skip(1).ToList(), previous, [], Today);

        Assert.Equal(partial ? [PriceListWarningKind.PartialList] : [], warnings.Select(w => w.Kind));
    }

    [Fact]
    public void Check_OfferMissingWhileSubscriptionsRun_NamesTheOfferAndItsSubscriptions()
    {
        var incoming = new[] { Previous[0], Previous[2], Previous[3] };
        var inUse = new[]
        {
            new OfferInUse("a", "0001", TermDuration.P1Y, BillingPlan.Monthly, 3), new OfferInUse("A", "0001", TermDuration.P1Y, BillingPlan.Annual, 2),
        };

        var warning = Assert.Single(PriceListChecks.Check(incoming, Previous, inUse, Today));

        Assert.Equal(PriceListWarningKind.RemovedOfferInUse, warning.Kind);
        Assert.True(warning.NeedsConfirmation);
        Assert.Equal("1 offers of the list it replaces are not in the file while 3 running subscriptions use them: Microsoft may have ended their sale, or the file is cut.",
            warning.Message);
        Assert.Equal(["a/0001 Title A P1Y monthly: 3 subscriptions"], warning.Rows);
    }

    [Fact]
    public void Check_OfferMissingWithoutSubscriptions_NoWarning()
    {
        Assert.Empty(PriceListChecks.Check([Previous[0], Previous[2], Previous[3]], Previous,
            [new OfferInUse("A", "0001", TermDuration.P1Y, BillingPlan.Monthly, 0)], Today));
    }

    [Theory]
    [InlineData(150, null)]
    [InlineData(90, null)]
    [InlineData(151, "A/0001 Title A P1Y annual USD: 120.00 → 151.00 (+25.8 %)")]
    [InlineData(89, "A/0001 Title A P1Y annual USD: 120.00 → 89.00 (-25.8 %)")]
    public void Check_CostMoves_WarnsBeyondAQuarter(int price, string? row)
    {
        var incoming = Previous.Select((r, i) => i == 0 ? r with { UnitPrice = price } : r).ToList();

        var warnings = PriceListChecks.Check(incoming, Previous, [], Today).Where(w => w.Kind == PriceListWarningKind.CostChange).ToList();

        Assert.Equal(row is null ? [] : [row], warnings.SelectMany(w => w.Rows));
        Assert.Equal(row is null ? [] : ["1 offers cost more than 25 % more or less than in the list it replaces."], warnings.Select(w => w.Message));
        Assert.DoesNotContain(warnings, w => w.NeedsConfirmation);
    }

    [Theory]
    [InlineData("2027-03-14", false)]
    [InlineData("2027-03-15", true)]
    [InlineData("2026-02-14", false)]
    [InlineData("2026-02-13", true)]
    public void Check_EffectiveDate_WarnsBeyondTwelveMonthsAheadOrAMonthBack(string from, bool warns)
    {
        var row = Row("A", TermDuration.P1M, BillingPlan.Monthly, 12m, DateOnly.Parse(from));

        var warnings = PriceListChecks.Check([row], [], [], Today);

        Assert.Equal(warns ? [$"A/0001 Title A P1M monthly USD: from {from}"] : [], warnings.SelectMany(w => w.Rows));
        Assert.All(warnings, w => Assert.Equal(PriceListWarningKind.EffectiveDate, w.Kind));
    }

    [Fact]
    public void Check_OldStartDateTheReplacedListHadToo_NoWarning()
    {
        var old = Row("A", TermDuration.P1M, BillingPlan.Monthly, 12m, new DateOnly(2024, 1, 1));

        Assert.Empty(PriceListChecks.Check([old], [old], [], Today));
        Assert.Equal("1 rows take effect far from the import day 2026-03-14: 0 after 2027-03-14 (more than 12 months ahead), 1 before 2026-02-14 "
            + "(more than 1 month back). Check the start dates.", Assert.Single(PriceListChecks.Check([old with { UnitPrice = 13m }], [old], [], Today)).Message);
    }

    [Fact]
    public void Check_P1YMonthlyPricedLikeAMonth_WarnsAgainstTheAnnualPrice()
    {
        var incoming = new[] { Row("A", TermDuration.P1Y, BillingPlan.Annual, 120m), Row("A", TermDuration.P1Y, BillingPlan.Monthly, 10.50m) };

        var warning = Assert.Single(PriceListChecks.Check(incoming, [], [], Today));

        Assert.Equal(PriceListWarningKind.TermPriceLooksPerCycle, warning.Kind);
        Assert.False(warning.NeedsConfirmation);
        Assert.Equal(["A/0001 Title A P1Y monthly USD: 10.50 × 12 cycles = 126.00, close to the P1Y annual price 120.00"], warning.Rows);
    }

    [Fact]
    public void Check_P1YMonthlyPricedLikeAMonthWithoutAnnualRow_WarnsAgainstTheP1MPrice()
    {
        var incoming = new[] { Row("A", TermDuration.P1M, BillingPlan.Monthly, 12m), Row("A", TermDuration.P1Y, BillingPlan.Monthly, 10.50m) };

        var warning = Assert.Single(PriceListChecks.Check(incoming, [], [], Today));

        Assert.Equal(["A/0001 Title A P1Y monthly USD: 10.50 × 12 cycles = 126.00, close to 12 × the P1M price 12.00 = 144.00"], warning.Rows);
    }

    [Fact]
    public void Check_P1YMonthlyHoldingTheYearsPrice_NoWarning()
    {
        var incoming = new[]
        {
            Row("A", TermDuration.P1M, BillingPlan.Monthly, 12m), Row("A", TermDuration.P1Y, BillingPlan.Annual, 120m), Row("A", TermDuration.P1Y, BillingPlan.Monthly, 126m),
            Row("B", TermDuration.P1Y, BillingPlan.Monthly, 10.50m),
        };

        Assert.Empty(PriceListChecks.Check(incoming, [], [], Today));
    }
}
