using Prorata.Domain.Catalog;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Subscriptions;

/// <summary>
/// 10 seats of Microsoft 365 E3 (P1Y, monthly) bought 2026-03-02 09:00 UTC with auto-renew, 5 more added 2026-03-06 12:00:
/// the term runs 2026-03-02..2027-03-01 and renews 2027-03-02; the purchase's 168 hours close 2026-03-09 09:00, the
/// added seats' 2026-03-13 12:00.
/// </summary>
public sealed class SubscriptionStandingTests
{
    private static readonly DateTimeOffset Bought = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Added = new(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_InsideBothWindows_CancellableAndEverySeatReducible_EachBatchUntilItsOwnClose()
    {
        var s = Bought5More(new DateOnly(2026, 3, 8));

        var standing = SubscriptionStanding.Of(s, new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero))!;

        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 1), (DateOnly?)new DateOnly(2027, 3, 2), Bought.AddHours(168), true),
            (standing.TermStart, standing.TermEnd, standing.RenewsOn, standing.CancellableUntil, standing.Cancellable));
        Assert.Equal([new ReducibleSeats(10, Bought.AddHours(168)), new ReducibleSeats(5, Added.AddHours(168))], standing.Reducible);
        Assert.Equal(15, standing.ReducibleNow);
    }

    [Fact]
    public void Of_AfterThePurchaseWindow_NotCancellable_OnlyTheAddedSeatsReducible()
    {
        var s = Bought5More(new DateOnly(2026, 3, 10));

        var standing = SubscriptionStanding.Of(s, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero))!;

        Assert.False(standing.Cancellable);
        Assert.Equal([new ReducibleSeats(5, Added.AddHours(168))], standing.Reducible);
    }

    [Fact]
    public void Of_AutoRenewOffAndAfterEveryWindow_NoRenewalNothingReducible()
    {
        var s = Bought5More(new DateOnly(2026, 4, 1), autoRenew: false);

        var standing = SubscriptionStanding.Of(s, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))!;

        Assert.Equal(((DateOnly?)null, false, 0), (standing.RenewsOn, standing.Cancellable, standing.ReducibleNow));
    }

    private static Subscription Bought5More(DateOnly playedTo, bool autoRenew = true)
    {
        PriceListRow[] prices = [new("E3", "0001", "Microsoft 365 E3", TermDuration.P1Y, BillingPlan.Monthly, 432.00m, 518.40m, "USD", new(2025, 1, 1), null)];
        var book = new SubscriptionBook(new PriceList(prices), Currency.FromCode("USD"), ProviderRounding.TruncateLine);
        book.AdvanceTo(DateOnly.FromDateTime(Bought.UtcDateTime));
        Assert.Null(book.Purchase(new PurchaseOrder("ev-1", "S1", "K1", "E3", "0001", TermDuration.P1Y, BillingPlan.Monthly, 10, autoRenew, false, null, Bought)));
        book.AdvanceTo(DateOnly.FromDateTime(Added.UtcDateTime));
        Assert.Null(book.SetQuantity("ev-2", "S1", 15, Added));
        book.AdvanceTo(playedTo);
        return book.Find("S1")!;
    }
}
