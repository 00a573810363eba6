using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;
using Prorata.Integrations.ReconFiles;
using static Prorata.Reconciliation.Tests.HandMadeCharges;

namespace Prorata.Reconciliation.Tests;

/// <summary>Hand-made recon files, each with one known difference, classified exactly (issue 5, "Checked by").</summary>
public sealed class HandMadeFileTests
{
    private static ReconResult Reconcile(string file, IEnumerable<ProviderCharge> expected)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Files", file));
        return Matcher.Reconcile(InvoiceReconReader.ReadCsv(stream).ToList(), expected);
    }

    [Fact]
    public void Reconcile_SeatsAddedInPartnerCenterOnly_BothLinesOfThePairUnexpectedAsOutOfBand()
    {
        var result = Reconcile("out-of-band-seat-add.csv", S1ThreeCycles);

        Assert.Equal(new ReconSummary(3, 0, 0, 0, 2, 0, 0, 174.18m, 394.84m, 360.00m) { Currencies = [new ReconCurrencyTotals("USD", 394.84m, 360.00m, 174.18m)] }, result.Summary);
        Assert.Equal([5L, 6L], result.Lines.Where(l => l.State == ReconState.UnexpectedCharge).Select(l => l.Line.Row));
        Assert.All(result.Lines.Skip(3), l =>
        {
            Assert.Equal(RootCause.OutOfBandChange, l.RootCause);
            Assert.Equal("seats added in Partner Center outside Prorata (out-of-band change)", l.Cause);
        });
        Assert.Equal([69.67m, 104.51m], result.Lines.Skip(3).Select(l => l.MoneyAtStake));
    }

    [Fact]
    public void Reconcile_CancellationNeverSentToMicrosoft_RenewalUnexpectedAndRefundMissing()
    {
        var result = Reconcile("missed-cancellation.csv", S2Cancelled);

        Assert.Equal(new ReconSummary(2, 0, 0, 0, 1, 0, 1, 231.42m, 360.00m, 128.58m) { Currencies = [new ReconCurrencyTotals("USD", 360.00m, 128.58m, 231.42m)] }, result.Summary);
        var renewal = Assert.Single(result.Lines, l => l.State == ReconState.UnexpectedCharge);
        Assert.Equal((4L, ChargeType.Renew, new DateOnly(2025, 3, 1)), (renewal.Line.Row, renewal.Line.ChargeType!.Value, renewal.Line.ChargeStartDate));
        Assert.Equal(RootCause.MissedCancellation, renewal.RootCause);
        Assert.Equal("Microsoft still bills a subscription Prorata cancelled on 2025-02-03: the cancellation never reached Partner Center (missed cancellation)", renewal.Cause);
        var missing = Assert.Single(result.Missing);
        Assert.Equal((ChargeType.CancelImmediate, -111.42m, RootCause.MissedCancellation), (missing.Expected.ChargeType, missing.Expected.Total, missing.RootCause));
    }

    [Fact]
    public void Reconcile_MicrosoftRaisedTheUnitPrice_PriceMismatchWithPriceChangeCause()
    {
        var result = Reconcile("price-change.csv", S1ThreeCycles);

        Assert.Equal(new ReconSummary(2, 0, 0, 1, 0, 0, 0, 12.00m, 372.00m, 360.00m) { Currencies = [new ReconCurrencyTotals("USD", 372.00m, 360.00m, 12.00m)] }, result.Summary);
        var line = result.Lines[2];
        Assert.Equal((ReconState.PriceMismatch, RootCause.PriceChange, 12.00m, 120.00m), (line.State, line.RootCause, line.MoneyAtStake, line.Expected!.Total));
        Assert.Equal("Microsoft charged 13.20 per seat instead of 12.00: a price change Prorata's price list does not have, or a price lock Prorata lost (price change)", line.Cause);
    }

    [Fact]
    public void Reconcile_SubscriptionProrataDoesNotKnow_UnknownSubscriptionOrphan()
    {
        var result = Reconcile("orphan-subscription.csv", S1ThreeCycles);

        Assert.Equal(new ReconSummary(3, 0, 0, 0, 0, 1, 0, 24.00m, 384.00m, 360.00m) { Currencies = [new ReconCurrencyTotals("USD", 384.00m, 360.00m, 24.00m)] }, result.Summary);
        var orphan = result.Lines[3];
        Assert.Equal((ReconState.UnknownSubscription, RootCause.OrphanSubscription, "new", 24.00m),
            (orphan.State, orphan.RootCause, orphan.Line.ChargeTypeName, orphan.MoneyAtStake));
        Assert.Equal("subscription e9d8c7b6-0000-4a5b-9c8d-7e6f5a4b3c2d is not in Prorata: bought in Partner Center outside Prorata or never imported (orphan subscription)", orphan.Cause);
    }

    [Fact]
    public void Reconcile_MicrosoftTruncatesPerSeatFirst_PairMatchedWithinToleranceAndConventionBNamed()
    {
        var result = Reconcile("convention-b.csv", S1SeatAdd);

        Assert.Equal(new ReconSummary(5, 0, 0, 0, 0, 0, 0, 0m, 394.80m, 394.84m) { Currencies = [new ReconCurrencyTotals("USD", 394.80m, 394.84m, 0m)] }, result.Summary);
        Assert.Equal([-69.67m, 104.51m], result.Lines.Skip(3).Select(l => l.Expected!.Total));
        Assert.All(result.Lines.Skip(3), l => Assert.Equal(RootCause.RoundingConvention, l.RootCause));
        Assert.Equal("total 104.40 is within ±0.01 per seat of the expected 104.51: Microsoft truncated the per-seat price to cents first (rounding convention B)", result.Lines[4].Cause);
    }

    [Fact]
    public void Reconcile_PromotionOnEffectivePriceAndOnUnitPrice_AmountAndPriceMismatchWithPromotionCause()
    {
        ProviderCharge[] expected = [.. S1ThreeCycles, Charge(S2, ChargeType.New, "2025-03-01", "2025-03-31", 12.00m, 10, 120.00m)];

        var result = Reconcile("promotion.csv", expected);

        Assert.Equal(new ReconSummary(2, 1, 0, 1, 0, 0, 0, 36.00m, 444.00m, 480.00m) { Currencies = [new ReconCurrencyTotals("USD", 444.00m, 480.00m, 36.00m)] }, result.Summary);
        Assert.Equal((ReconState.AmountMismatch, RootCause.Promotion, 24.00m), (result.Lines[2].State, result.Lines[2].RootCause, result.Lines[2].MoneyAtStake));
        Assert.Equal("Microsoft's effective unit price 9.60 reflects promotion CFQ7TTC0LCHC:0002:CFQ7TTC0GZQJ, which Prorata's price does not include (promotion)", result.Lines[2].Cause);
        Assert.Equal((ReconState.PriceMismatch, RootCause.Promotion, 12.00m), (result.Lines[3].State, result.Lines[3].RootCause, result.Lines[3].MoneyAtStake));
    }

    [Fact]
    public void Reconcile_ExpectedChargeInAMonthAfterTheFile_NotMissingFromIt()
    {
        ProviderCharge[] expected = [.. S1ThreeCycles, Charge(S1, ChargeType.CycleCharge, "2025-04-01", "2025-04-30", 12.00m, 10, 120.00m)];

        var result = Reconcile("price-change.csv", expected);

        // The file covers January to March: April's charge is for a later invoice, neither missing nor expected here.
        Assert.Empty(result.Missing);
        Assert.Equal((12.00m, 360.00m), (result.Summary.MoneyAtStake, result.Summary.ExpectedTotal));
    }

    [Fact]
    public void Reconcile_ExpectedSeatChangeInAMonthOfTheFile_ListedMissing()
    {
        ProviderCharge[] expected = [.. S1ThreeCycles, Charge(S1, ChargeType.AddQuantity, "2025-03-20", "2025-03-31", 12.00m, 2, 9.29m)];

        var result = Reconcile("price-change.csv", expected);

        var missing = Assert.Single(result.Missing);
        Assert.Equal((new DateOnly(2025, 3, 20), RootCause.OutOfBandChange, 9.29m), (missing.Expected.ChargeStart, missing.RootCause, missing.MoneyAtStake));
        Assert.Equal(21.29m, result.Summary.MoneyAtStake);
    }
}
