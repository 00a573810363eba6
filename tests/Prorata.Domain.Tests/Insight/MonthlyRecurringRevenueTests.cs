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
        SubscriptionKind kind = SubscriptionKind.License, string product = "CFQ7TTC0LF8Q", string sku = "0001") =>
        new(id, customer, currency ?? Usd, kind, status, parent, product, sku, quantity, price, cost, cycleMonths);

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

    [Fact]
    public void ByProduct_TwoCustomersOfOneProductAndTwoSkus_OneTotalPerProductAndCurrency()
    {
        var totals = MonthlyRecurringRevenue.ByProduct([
            Seats("E3", 15, 27.50m, 22.00m, customer: "contoso"),
            Seats("E3-NT", 3, 24.00m, 20.00m, customer: "fabrikam", sku: "0002"),
            Seats("BP", 10, 16.50m, 13.20m, customer: "fabrikam", product: "CFQ7TTC0LCHC"),
            Seats("E3-EUR", 2, 30.00m, 25.00m, currency: Eur),
        ]);

        // E3 in USD: 15 × 27.50 + 3 × 24.00 = 412.50 + 72.00 = 484.50; cost 15 × 22.00 + 3 × 20.00 = 330.00 + 60.00 = 390.00.
        // Business Premium: 10 × 16.50 = 165.00, cost 10 × 13.20 = 132.00. E3 in EUR apart: 2 × 30.00 = 60.00, cost 50.00.
        Assert.Equal([("CFQ7TTC0LF8Q", "USD", 484.50m, 390.00m, 5814.00m), ("CFQ7TTC0LCHC", "USD", 165.00m, 132.00m, 1980.00m),
                ("CFQ7TTC0LF8Q", "EUR", 60.00m, 50.00m, 720.00m)],
            totals.Select(t => (t.ProductId, t.Currency.Code, t.Mrr, t.MrrCost, t.Arr)));
    }

    [Fact]
    public void ByProduct_Bundle_CountsOnceAsItsParentsProductWithItsChildrensCost()
    {
        var totals = MonthlyRecurringRevenue.ByProduct([
            Seats("B1", 4, 45.00m, 0.00m, kind: SubscriptionKind.PartnerProduct, product: "SECURE-BUNDLE"),
            Seats("B1-BP", 4, 27.50m, 22.00m, parent: "B1", product: "CFQ7TTC0LCHC"),
            Seats("B1-MDR", 4, 4.80m, 4.00m, parent: "B1", kind: SubscriptionKind.PartnerProduct, product: "MDR"),
            Seats("BP", 1, 27.50m, 22.00m, product: "CFQ7TTC0LCHC"),
        ]);

        // The bundle: MRR 4 × 45.00 = 180.00, cost 0 + 4 × 22.00 + 4 × 4.00 = 104.00, all under its parent's product;
        // Business Premium only its own seat: 1 × 27.50 = 27.50, cost 22.00. No MDR total.
        Assert.Equal([("SECURE-BUNDLE", 180.00m, 104.00m), ("CFQ7TTC0LCHC", 27.50m, 22.00m)], totals.Select(t => (t.ProductId, t.Mrr, t.MrrCost)));
    }

    [Fact]
    public void ByProduct_CancelledAndUsage_AddNothing()
    {
        var totals = MonthlyRecurringRevenue.ByProduct([
            Seats("S1", 2, 10.00m, 8.00m, status: SubscriptionStatus.Cancelled, product: "GONE"),
            Seats("AZ1", 1, 500.00m, 400.00m, kind: SubscriptionKind.Usage, product: "DZH318Z0BPS6"),
            Seats("S2", 1, 10.00m, 8.00m, status: SubscriptionStatus.Suspended),
        ]);

        Assert.Equal([("CFQ7TTC0LF8Q", 10.00m, 8.00m)], totals.Select(t => (t.ProductId, t.Mrr, t.MrrCost)));
    }

    [Fact]
    public void ByProduct_SameSubscriptionsAsPerCustomer_SumToTheSameMrrAndCost()
    {
        MrrSubscription[] book =
        [
            Seats("A1", 7, 10.00m, 8.00m, cycleMonths: 12, customer: "contoso"),
            Seats("A2", 7, 10.00m, 8.00m, cycleMonths: 12, customer: "fabrikam", product: "OTHER"),
            Seats("B1", 2, 45.00m, 0.00m, customer: "fabrikam", kind: SubscriptionKind.PartnerProduct, product: "BUNDLE"),
            Seats("B1-C", 2, 27.50m, 22.00m, customer: "fabrikam", parent: "B1"),
        ];

        // 7 × 10.00 ÷ 12 = 5.83 each (rounded per subscription), + 2 × 45.00 = 90.00: 101.66; cost 4.67 + 4.67 + 44.00 = 53.34.
        Assert.Equal((101.66m, 53.34m), (MonthlyRecurringRevenue.ByProduct(book).Sum(t => t.Mrr), MonthlyRecurringRevenue.ByProduct(book).Sum(t => t.MrrCost)));
        Assert.Equal((101.66m, 53.34m), (MonthlyRecurringRevenue.AtMonthEnd(book).Sum(t => t.Mrr), MonthlyRecurringRevenue.AtMonthEnd(book).Sum(t => t.MrrCost)));
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
