using Prorata.Domain.Billing;
using Prorata.Domain.Calendar;
using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Insight;

public class CommissionRulesTests
{
    private static readonly Currency Usd = Currency.FromCode("USD");
    private static readonly CommissionPlan Any = new("*", null, CommissionBasis.Revenue, 10m, CommissionPayout.Invoice);
    private static readonly CommissionPlan Product = new("CFQ7TTC0LDPB", null, CommissionBasis.Margin, 20m, CommissionPayout.Booking);
    private static readonly CommissionPlan Sku = new("CFQ7TTC0LDPB", "0002", CommissionBasis.Revenue, 5m, CommissionPayout.Cash);

    [Theory]
    [InlineData("CFQ7TTC0LDPB", "0002", "sku")]
    [InlineData("cfq7ttc0ldpb", "0002", "sku")]
    [InlineData("CFQ7TTC0LDPB", "0001", "product")]
    [InlineData("CFQ7TTC0LCHC", "0002", "any")]
    public void Match_SkuThenProductThenAny_WhateverTheirOrder(string productId, string skuId, string expected)
    {
        var plan = CommissionRules.Match([Any, Product, Sku], productId, skuId);

        Assert.Same(expected switch { "sku" => Sku, "product" => Product, _ => Any }, plan);
    }

    [Fact]
    public void Match_NoPlanForTheProductAndNoAny_Null()
    {
        Assert.Null(CommissionRules.Match([Product], "CFQ7TTC0LCHC", "0002"));
    }

    [Theory]
    // Revenue 10 % of a 275.00 line: 27.50; of a −43.55 line: −4.355 → −4.36 (half away from zero: a clawback).
    [InlineData(275.00, 27.50)]
    [InlineData(-43.55, -4.36)]
    public void Earn_Revenue_RateTimesAmountRoundedOnce(decimal amount, decimal expected)
    {
        Assert.Equal(expected, CommissionRules.Earn(Any, amount, null, Usd));
    }

    [Fact]
    public void Earn_Margin_RateTimesTheExactGrossProfitRoundedOnce()
    {
        // 50 % of 12.346 = 6.173 → 6.17; rounding the gross profit first (12.35) would pay 6.175 → 6.18.
        var half = Product with { Rate = 50m };

        Assert.Equal(6.17m, CommissionRules.Earn(half, 20.00m, 12.346m, Usd));
    }

    [Fact]
    public void Earn_MarginOfALineSoldBelowCost_IsNegative()
    {
        // 20 % of (10.00 − 12.00) = −0.40: the margin basis pays on the margin, whatever its sign.
        Assert.Equal(-0.40m, CommissionRules.Earn(Product, 10.00m, GrossProfit.Of(10.00m, 12.00m), Usd));
    }

    [Fact]
    public void Earn_MarginWithoutAKnownCost_Null()
    {
        Assert.Null(CommissionRules.Earn(Product, 100.00m, null, Usd));
    }

    [Fact]
    public void ByCash_500_00SettledBy200_00Then300_00_11_00ThenTheRest16_50()
    {
        var instalments = CommissionRules.ByCash(27.50m, 500.00m, new DateOnly(2025, 5, 1),
            [new Settlement(new DateOnly(2025, 5, 12), 200.00m), new Settlement(new DateOnly(2025, 5, 25), 300.00m)], Usd);

        Assert.Equal([new CommissionInstalment(new DateOnly(2025, 5, 12), 11.00m), new CommissionInstalment(new DateOnly(2025, 5, 25), 16.50m)], instalments);
    }

    [Fact]
    public void ByCash_SharesThatRound_TheSettlingPaymentTakesTheRemainder()
    {
        // 27.50 × 93.55/500 = 5.14525 → 5.15; 27.50 × 200/500 = 11.00; the last: 27.50 − 5.15 − 11.00 = 11.35 (not 27.50 × 206.45/500 = 11.35475 → 11.35 by luck alone).
        var instalments = CommissionRules.ByCash(27.50m, 500.00m, new DateOnly(2025, 5, 1),
            [new Settlement(new DateOnly(2025, 5, 1), 93.55m), new Settlement(new DateOnly(2025, 5, 12), 200.00m), new Settlement(new DateOnly(2025, 5, 25), 206.45m)], Usd);

        Assert.Equal([5.15m, 11.00m, 11.35m], instalments.Select(i => i.Amount));
    }

    [Fact]
    public void ByCash_ThreeThirds_TheLastTakesTheCentRoundingLeft()
    {
        // 10.00 × 100/300 = 3.333… → 3.33 twice; the settling payment takes 10.00 − 6.66 = 3.34.
        var instalments = CommissionRules.ByCash(10.00m, 300.00m, new DateOnly(2025, 5, 1),
            [new Settlement(new DateOnly(2025, 5, 2), 100m), new Settlement(new DateOnly(2025, 5, 3), 100m), new Settlement(new DateOnly(2025, 5, 4), 100m)], Usd);

        Assert.Equal([3.33m, 3.33m, 3.34m], instalments.Select(i => i.Amount));
    }

    [Fact]
    public void ByCash_PartlyPaid_OnlyThePaidShare()
    {
        var instalments = CommissionRules.ByCash(27.50m, 500.00m, new DateOnly(2025, 6, 1), [new Settlement(new DateOnly(2025, 6, 10), 150.00m)], Usd);

        // 27.50 × 150/500 = 8.25; the other 19.25 waits for the rest of the payment.
        Assert.Equal([new CommissionInstalment(new DateOnly(2025, 6, 10), 8.25m)], instalments);
    }

    [Fact]
    public void ByCash_CreditNote_TheWholeClawbackOnItsDate()
    {
        var instalments = CommissionRules.ByCash(-1.86m, -18.58m, new DateOnly(2025, 3, 1), [], Usd);

        Assert.Equal([new CommissionInstalment(new DateOnly(2025, 3, 1), -1.86m)], instalments);
    }

    private static readonly DateOnly InvoiceDate = new(2026, 2, 1);

    private static readonly LicenseChange[] Changes =
    [
        new("ev0", LicenseChangeKind.Purchase, new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero), new DateOnly(2025, 1, 10), 10, 0),
        new("ev1", LicenseChangeKind.Quantity, new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero), new DateOnly(2025, 2, 3), 2, 0),
        new("ev5", LicenseChangeKind.Cancellation, new DateTimeOffset(2026, 1, 11, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 1, 10), -12, 1),
    ];

    private static readonly Period[] Terms = [new(new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 9)), new(new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9))];

    private static InvoiceLine Line(string source, DateOnly periodStart, DateOnly from) =>
        new("S1", InvoiceLineKind.Adjustment, from, periodStart.AddMonths(1).AddDays(-1), 1, 12.50m, 12.50m, 1, 1, "P", "1",
            new BillingItemKey("S1", periodStart, periodStart.AddMonths(1).AddDays(-1), from, source, 12.50m));

    [Theory]
    // A period's seats in the first term: the purchase; in the renewed term: the renewal.
    [InlineData(BillingItemKey.Base, "2025-03-10", "2025-03-10", "2025-01-10")]
    [InlineData(BillingItemKey.Base, "2026-01-10", "2026-01-10", "2026-01-10")]
    [InlineData(BillingItemKey.Renewal, "2026-02-10", "2026-02-10", "2026-01-10")]
    // A change's line: the day of the change, whichever period it corrects.
    [InlineData("ev1:Quantity", "2025-02-10", "2025-02-10", "2025-02-03")]
    [InlineData("ev5:Cancellation", "2026-01-10", "2026-01-10", "2026-01-11")]
    // A rollout: its first day. Usage, and a period of no term (a renewal billed ahead and then not made): the invoice date.
    [InlineData(BillingItemKey.Rollout, "2025-04-10", "2025-04-20", "2025-04-20")]
    [InlineData(BillingItemKey.Usage, "2026-01-01", "2026-01-01", "2026-02-01")]
    [InlineData(BillingItemKey.Base, "2027-01-10", "2027-01-10", "2026-02-01")]
    public void BookedOn_LineOrigin_TheDateOfTheChangeThatProducedIt(string source, string periodStart, string from, string expected)
    {
        var line = Line(source, DateOnly.Parse(periodStart), DateOnly.Parse(from));

        Assert.Equal(DateOnly.Parse(expected), CommissionRules.BookedOn(line, InvoiceDate, Changes, Terms));
    }

    [Fact]
    public void BookedOn_CreditOfEverythingBilled_TheCancellationDay()
    {
        var credit = new InvoiceLine("S1", InvoiceLineKind.Credit, new DateOnly(2025, 1, 10), new DateOnly(2025, 2, 28), -12, 12.50m, -150.00m, 50, 50, "P", "1", null);

        Assert.Equal(new DateOnly(2026, 1, 11), CommissionRules.BookedOn(credit, InvoiceDate, Changes, Terms));
    }
}
