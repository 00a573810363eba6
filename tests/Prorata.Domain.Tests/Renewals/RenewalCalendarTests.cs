using Prorata.Domain.Billing;
using Prorata.Domain.Catalog;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;
using Prorata.Domain.Renewals;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Renewals;

/// <summary>
/// Microsoft 365 E3 at 432.00 a year (ERP 518.40) until 2026-03-31, 456.00 (ERP 547.20) from 2026-04-01; its monthly term
/// 43.20 a month (ERP 51.84). Contract K1 prices everything at cost + 10 %; K2 has no pricing rule. The book is played to
/// 2026-03-20.
/// </summary>
public sealed class RenewalCalendarTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static readonly PriceListRow[] Prices =
    [
        new("E3", "0001", "Microsoft 365 E3", TermDuration.P1Y, BillingPlan.Monthly, 432.00m, 518.40m, "USD", new(2025, 1, 1), new(2026, 3, 31)),
        new("E3", "0001", "Microsoft 365 E3", TermDuration.P1Y, BillingPlan.Monthly, 456.00m, 547.20m, "USD", new(2026, 4, 1), null),
        new("E3", "0001", "Microsoft 365 E3", TermDuration.P1M, BillingPlan.Monthly, 43.20m, 51.84m, "USD", new(2025, 1, 1), null),
    ];

    private static readonly BillingContract K1 = new("K1", "C1", Currency.FromCode("USD"), 1, ContractAlignment.Contract, RefundPolicy.Prorated,
        [new PricingRule(PricingRule.AnyProduct, null, PricingMethod.MarkupOnCost, 10m)]);

    private static readonly BillingContract K2 = K1 with { Id = "K2", Pricing = [] };

    [Fact]
    public void Of_LiveSubscriptions_NextTermPricedAsBillingWillOnTheRenewalDay()
    {
        var book = new SubscriptionBook(new PriceList(Prices), Currency.FromCode("USD"), ProviderRounding.TruncateLine);
        Buy(book, "S1", "K1", TermDuration.P1Y, 200, autoRenew: true, new(2025, 4, 15, 9, 0, 0, TimeSpan.Zero));
        Buy(book, "S2", "K1", TermDuration.P1M, 10, autoRenew: true, new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Buy(book, "S3", "K1", TermDuration.P1Y, 5, autoRenew: false, new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        Buy(book, "S4", "K2", TermDuration.P1Y, 3, autoRenew: true, new(2025, 5, 10, 9, 0, 0, TimeSpan.Zero));
        book.AdvanceTo(new DateOnly(2026, 3, 10));
        Assert.Null(book.ScheduleRenewal("S2", new ScheduledRenewal(8, null, null, null), new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero)));
        book.AdvanceTo(Today);

        var k1 = RenewalCalendar.Of(book, K1);
        var k2 = RenewalCalendar.Of(book, K2);

        Assert.Equal(
            [
                // Renews 2026-04-15 at the row in force then: 456.00 ÷ 12 = 38.00 a month, + 10 % = 41.80.
                new UpcomingRenewal("S1", "K1", "E3", "0001", 200, new(2026, 4, 14), true, null, TermDuration.P1Y, BillingPlan.Monthly, "0001", 41.80m, false),
                // 8 seats scheduled; 43.20 + 10 % = 47.52.
                new UpcomingRenewal("S2", "K1", "E3", "0001", 10, new(2026, 3, 31), true, 8, TermDuration.P1M, BillingPlan.Monthly, "0001", 47.52m, false),
                // Auto-renew off: it ends 2026-05-31 and has no next term to price.
                new UpcomingRenewal("S3", "K1", "E3", "0001", 5, new(2026, 5, 31), false, null, TermDuration.P1Y, BillingPlan.Monthly, "0001", null, false),
            ],
            k1);
        // No pricing rule: the ERP of the renewal's row, 547.20 ÷ 12 = 45.60 a month.
        Assert.Equal([new UpcomingRenewal("S4", "K2", "E3", "0001", 3, new(2026, 5, 9), true, null, TermDuration.P1Y, BillingPlan.Monthly, "0001", 45.60m, true)], k2);
        Assert.Equal((new DateOnly(2026, 4, 1), 8), (k1[1].RenewsOn, k1[1].PlannedSeats));
    }

    [Fact]
    public void Of_RenewalPassedToday_TheTermAfterIt()
    {
        var book = new SubscriptionBook(new PriceList(Prices), Currency.FromCode("USD"), ProviderRounding.TruncateLine);
        Buy(book, "S1", "K1", TermDuration.P1M, 4, autoRenew: true, new(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        // The term 2026-02-20..03-19 renewed at 00:00 today: the next renewal is 2026-04-20.
        book.AdvanceTo(Today);

        var renewal = Assert.Single(RenewalCalendar.Of(book, K1));

        Assert.Equal((new DateOnly(2026, 4, 19), new DateOnly(2026, 4, 20)), (renewal.TermEnd, renewal.RenewsOn));
    }

    private static void Buy(SubscriptionBook book, string id, string contract, TermDuration term, int seats, bool autoRenew, DateTimeOffset at)
    {
        book.AdvanceTo(DateOnly.FromDateTime(at.UtcDateTime));
        Assert.Null(book.Purchase(new PurchaseOrder($"ev-{id}", id, contract, "E3", "0001", term, BillingPlan.Monthly, seats, autoRenew, false, null, at)));
    }
}
