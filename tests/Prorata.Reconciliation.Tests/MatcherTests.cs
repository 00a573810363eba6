using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;
using static Prorata.Reconciliation.Tests.HandMadeCharges;

namespace Prorata.Reconciliation.Tests;

public sealed class MatcherTests
{
    private const string RefA = "11111111-1111-4111-8111-111111111111";
    private const string RefB = "22222222-2222-4222-8222-222222222222";

    private static ReconLine Line(long row, ProviderCharge charge, decimal? total = null, decimal? quantity = null, string? reference = null, string currency = "USD") => new()
    {
        Row = row,
        CustomerId = "c",
        SubscriptionId = charge.Subscription,
        ChargeTypeName = ChargeTypeNames.ToCamelCase(charge.ChargeType),
        ChargeType = charge.ChargeType,
        ChargeStartDate = charge.ChargeStart,
        ChargeEndDate = charge.ChargeEnd,
        UnitPrice = charge.UnitPrice,
        EffectiveUnitPrice = charge.EffectiveUnitPrice,
        BillableQuantity = quantity ?? charge.Quantity,
        Subtotal = total ?? charge.Total,
        Total = total ?? charge.Total,
        Currency = currency,
        ReferenceId = reference ?? charge.ReferenceId,
    };

    [Fact]
    public void Reconcile_OneMonthFileAgainstAYearOfCharges_OnlyThatMonthCanBeMissing()
    {
        var year = Enumerable.Range(1, 12).Select(m => new ProviderCharge(S1, m == 1 ? ChargeType.New : ChargeType.CycleCharge, new(2025, m, 1),
            new DateOnly(2025, m, 1).AddMonths(1).AddDays(-1), 12.00m, 12.00m, 10, 120.00m, "", "P", "S", "USD")).ToList();
        var extra = new ProviderCharge(S2, ChargeType.CycleCharge, new(2025, 3, 1), new(2025, 3, 31), 5.00m, 5.00m, 2, 10.00m, "", "P", "S", "USD");

        var result = Matcher.Reconcile([Line(2, year[2])], [.. year, extra]);

        var missing = Assert.Single(result.Missing);
        Assert.Equal((S2, new DateOnly(2025, 3, 1)), (missing.Expected.Subscription, missing.Expected.ChargeStart));
        Assert.Equal((1, 1, 10.00m, 120.00m, 130.00m), (result.Summary.Matched, result.Summary.MissingCharge, result.Summary.MoneyAtStake, result.Summary.ActualTotal,
            result.Summary.ExpectedTotal));
    }

    [Fact]
    public void Reconcile_UsdAndEurLines_TotalsPerCurrencyNeverAddedTogether()
    {
        var usd = new ProviderCharge(S1, ChargeType.CycleCharge, new(2025, 3, 1), new(2025, 3, 31), 12.00m, 12.00m, 10, 120.00m, "", "P", "S", "USD");
        var eur = new ProviderCharge(S2, ChargeType.CycleCharge, new(2025, 3, 1), new(2025, 3, 31), 11.00m, 11.00m, 10, 110.00m, "", "P", "S", "EUR");
        var eurMissing = new ProviderCharge(S2, ChargeType.AddQuantity, new(2025, 3, 10), new(2025, 3, 31), 11.00m, 11.00m, 2, 15.61m, "", "P", "S", "EUR");

        var result = Matcher.Reconcile([Line(2, usd, total: 132.00m), Line(3, eur, currency: "EUR")], [usd, eur, eurMissing]);

        Assert.Equal(
            [new ReconCurrencyTotals("EUR", 110.00m, 125.61m, 15.61m), new ReconCurrencyTotals("USD", 132.00m, 120.00m, 12.00m)],
            result.Summary.Currencies);
    }

    private static ProviderCharge Add(int quantity, decimal total, string reference) =>
        new(S1, ChargeType.AddQuantity, new(2025, 3, 14), new(2025, 3, 31), 12.00m, 12.00m * 18 / 31 * Math.Sign(total), quantity, total, reference, "P", "S", "USD");

    [Fact]
    public void Match_TwoSeatChangesOnOneDay_EachLinePairsWithTheChargeOfItsReferenceId()
    {
        ProviderCharge[] expected = [Add(10, -69.67m, RefA), Add(15, 104.51m, RefA), Add(15, -104.51m, RefB), Add(17, 118.45m, RefB)];

        var result = Matcher.Reconcile([Line(2, expected[2]), Line(3, expected[3]), Line(4, expected[0]), Line(5, expected[1])], expected);

        Assert.Equal(4, result.Summary.Matched);
        Assert.Equal([RefB, RefB, RefA, RefA], result.Lines.Select(l => l.Expected!.ReferenceId));
    }

    [Fact]
    public void Match_SignOfTotal_RefundLinePairsWithTheRefundCharge()
    {
        ProviderCharge[] expected = [Add(10, -69.67m, "x"), Add(15, 104.51m, "x")];

        var result = Matcher.Reconcile([Line(2, expected[1]), Line(3, expected[0])], expected);

        Assert.Equal([104.51m, -69.67m], result.Lines.Select(l => l.Expected!.Total));
    }

    [Fact]
    public void Match_SameLineTwice_SecondIsUnexpectedBecauseEachChargeIsUsedOnce()
    {
        var charge = S1ThreeCycles[2];

        var result = Matcher.Reconcile([Line(2, charge), Line(3, charge)], [charge]);

        Assert.Equal([ReconState.Matched, ReconState.UnexpectedCharge], result.Lines.Select(l => l.State));
        Assert.Equal(120.00m, result.Summary.MoneyAtStake);
    }

    [Fact]
    public void Match_MicrosoftGuidDiffersFromExpectedGuid_NotMatched()
    {
        ProviderCharge[] expected = [Add(15, 104.51m, RefA)];

        var result = Matcher.Reconcile([Line(2, expected[0], reference: RefB)], expected);

        Assert.Equal(ReconState.UnexpectedCharge, result.Lines[0].State);
        Assert.Single(result.Missing);
    }

    [Theory]
    [InlineData(120.10, ReconState.Matched)]
    [InlineData(119.90, ReconState.Matched)]
    [InlineData(120.11, ReconState.AmountMismatch)]
    [InlineData(119.89, ReconState.AmountMismatch)]
    public void Match_TotalOffByUpToOneCentPerSeat_MatchedElseAmountMismatch(decimal total, ReconState state)
    {
        var charge = S1ThreeCycles[2];

        var result = Matcher.Reconcile([Line(2, charge, total: total)], [charge]);

        Assert.Equal(state, result.Lines[0].State);
    }

    [Fact]
    public void Match_QuantityAndPriceBothDiffer_QuantityMismatchWins()
    {
        var charge = S1ThreeCycles[2];
        var line = Line(2, charge, total: 156.00m, quantity: 12) with { UnitPrice = 13.00m };

        var result = Matcher.Reconcile([line], [charge]);

        Assert.Equal((ReconState.QuantityMismatch, 36.00m), (result.Lines[0].State, result.Lines[0].MoneyAtStake));
        Assert.Equal("Microsoft billed 12 seats where Prorata expected 10: seats added in Partner Center outside Prorata (out-of-band change)", result.Lines[0].Cause);
    }

    [Fact]
    public void Match_UnitPriceWithinHalfACent_NotAPriceMismatch()
    {
        var charge = S1ThreeCycles[2];

        var result = Matcher.Reconcile([Line(2, charge) with { UnitPrice = 12.005m }], [charge]);

        Assert.Equal(ReconState.Matched, result.Lines[0].State);
    }

    [Fact]
    public void Match_ChargeTypeProrataNeverComputes_UnexpectedAndUnexplained()
    {
        var line = Line(2, S1ThreeCycles[2]) with { ChargeType = null, ChargeTypeName = "customerCredit", Subtotal = -5.00m };

        var result = Matcher.Reconcile([line], S1ThreeCycles);

        Assert.Equal((ReconState.UnexpectedCharge, RootCause.Unexplained), (result.Lines[0].State, result.Lines[0].RootCause));
        Assert.Equal("charge type 'customerCredit' is not one Prorata computes: review it by hand", result.Lines[0].Cause);
    }

    [Fact]
    public void Match_SubscriptionKnownOnlyFromTheSubscriptionList_UnexpectedNotUnknown()
    {
        var line = Line(2, S1ThreeCycles[0] with { Subscription = "AZURE-PLAN-1" });

        var result = Matcher.Reconcile([line], S1ThreeCycles, ["azure-plan-1"]);

        Assert.Equal(ReconState.UnexpectedCharge, result.Lines[0].State);
    }
}
