using Prorata.Domain.Insight;
using Prorata.Domain.Money;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Insight;

public class MonthlyRecurringRevenueTests
{
    private static readonly Currency Usd = Currency.FromCode("USD");
    private static readonly Currency Eur = Currency.FromCode("EUR");

    private static MrrSubscription Seats(string id, int quantity, decimal price, decimal cost, int cycleMonths = 1,
        SubscriptionStatus status = SubscriptionStatus.Active, string customer = "contoso", Currency? currency = null, string? parent = null,
        SubscriptionKind kind = SubscriptionKind.License) =>
        new(id, customer, currency ?? Usd, kind, status, parent, quantity, price, cost, cycleMonths);

    [Fact]
    public void AtMonthEnd_MonthlyAndAnnualSeats_15x27_50Plus5x300_00Over12Is537_50AndArr6450_00()
    {
        var totals = MonthlyRecurringRevenue.AtMonthEnd([Seats("M1", 15, 27.50m, 22.00m), Seats("A1", 5, 300.00m, 264.00m, cycleMonths: 12)]);

        var total = Assert.Single(totals);
        // 15 × 27.50 = 412.50; 5 × 300.00 ÷ 12 = 125.00. Cost: 15 × 22.00 = 330.00; 5 × 264.00 ÷ 12 = 110.00.
        Assert.Equal((537.50m, 440.00m, 6450.00m), (total.Mrr, total.MrrCost, total.Arr));
    }

    [Fact]
    public void AtMonthEnd_TwoAnnualSubscriptions_EachIsRoundedOnItsOwn()
    {
        // 7 × 10.00 ÷ 12 = 5.8333… → 5.83 each: 11.66, not round(11.666…) = 11.67.
        var totals = MonthlyRecurringRevenue.AtMonthEnd([Seats("A1", 7, 10.00m, 0m, cycleMonths: 12), Seats("A2", 7, 10.00m, 0m, cycleMonths: 12)]);

        Assert.Equal(11.66m, Assert.Single(totals).Mrr);
    }

    [Fact]
    public void AtMonthEnd_SuspendedCountsCancelledExpiredAndUsageDoNot()
    {
        var totals = MonthlyRecurringRevenue.AtMonthEnd([
            Seats("S1", 2, 10.00m, 8.00m, status: SubscriptionStatus.Suspended),
            Seats("S2", 3, 10.00m, 8.00m, status: SubscriptionStatus.Cancelled),
            Seats("S3", 4, 10.00m, 8.00m, status: SubscriptionStatus.Expired),
            Seats("AZ1", 1, 500.00m, 400.00m, kind: SubscriptionKind.Usage),
        ]);

        // Only S1: 2 × 10.00 = 20.00, cost 2 × 8.00 = 16.00.
        Assert.Equal((20.00m, 16.00m), (Assert.Single(totals).Mrr, totals[0].MrrCost));
    }

    [Fact]
    public void AtMonthEnd_Bundle_CountsOnceAsItsParentWithItsChildrensCost()
    {
        var totals = MonthlyRecurringRevenue.AtMonthEnd([
            Seats("B1", 4, 45.00m, 0.00m, kind: SubscriptionKind.PartnerProduct),
            Seats("B1-BP", 4, 27.50m, 22.00m, parent: "B1"),
            Seats("B1-MDR", 4, 4.80m, 4.00m, parent: "B1", kind: SubscriptionKind.PartnerProduct),
        ]);

        // MRR 4 × 45.00 = 180.00; cost 0 + 4 × 22.00 + 4 × 4.00 = 104.00.
        Assert.Equal((180.00m, 104.00m), (Assert.Single(totals).Mrr, totals[0].MrrCost));
    }

    [Fact]
    public void AtMonthEnd_ChildOfACancelledBundle_AddsNothing()
    {
        var totals = MonthlyRecurringRevenue.AtMonthEnd([
            Seats("B1", 4, 45.00m, 0.00m, status: SubscriptionStatus.Cancelled, kind: SubscriptionKind.PartnerProduct),
            Seats("B1-BP", 4, 27.50m, 22.00m, parent: "B1"),
        ]);

        Assert.Empty(totals);
    }

    [Fact]
    public void AtMonthEnd_CustomersAndCurrencies_OneTotalEach()
    {
        var totals = MonthlyRecurringRevenue.AtMonthEnd([
            Seats("S1", 1, 10.00m, 8.00m),
            Seats("S2", 1, 20.00m, 16.00m, currency: Eur),
            Seats("S3", 1, 30.00m, 24.00m, customer: "fabrikam"),
            Seats("S4", 2, 10.00m, 8.00m),
        ]);

        Assert.Equal([("contoso", "USD", 30.00m), ("contoso", "EUR", 20.00m), ("fabrikam", "USD", 30.00m)],
            totals.Select(t => (t.Customer, t.Currency.Code, t.Mrr)));
    }

    [Theory]
    [InlineData(0, 125.00, false, MrrMovement.New)]
    [InlineData(0, 55.00, true, MrrMovement.Reactivation)]
    [InlineData(125.00, 150.00, true, MrrMovement.Expansion)]
    [InlineData(150.00, 112.50, true, MrrMovement.Contraction)]
    [InlineData(112.50, 0, true, MrrMovement.Churn)]
    [InlineData(112.50, 112.50, true, MrrMovement.None)]
    [InlineData(0, 0, true, MrrMovement.None)]
    public void Movement_FromPreviousToCurrent_IsClassified(decimal previous, decimal current, bool aboveZeroBefore, MrrMovement expected)
    {
        Assert.Equal(expected, MonthlyRecurringRevenue.Movement(previous, current, aboveZeroBefore));
    }

    [Fact]
    public void History_ZeroNewChurnZeroAgain_ComesBackAsReactivation()
    {
        var history = new MrrHistory();

        var movements = new[] { 0m, 125.00m, 0m, 0m, 55.00m }.Select(mrr => history.Record("fabrikam", Usd, mrr)).ToList();

        Assert.Equal([MrrMovement.None, MrrMovement.New, MrrMovement.Churn, MrrMovement.None, MrrMovement.Reactivation], movements);
    }

    [Fact]
    public void History_CurrenciesOfOneCustomer_MoveApart()
    {
        var history = new MrrHistory();
        history.Record("contoso", Usd, 100.00m);

        Assert.Equal(MrrMovement.New, history.Record("contoso", Eur, 50.00m));
        Assert.Equal(MrrMovement.Expansion, history.Record("contoso", Usd, 120.00m));
    }
}
