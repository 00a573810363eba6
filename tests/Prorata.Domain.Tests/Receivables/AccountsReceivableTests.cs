using Prorata.Domain.Receivables;
using Prorata.Domain.Subscriptions;

namespace Prorata.Domain.Tests.Receivables;

public class AccountsReceivableTests
{
    private static readonly DunningPolicy HoldAfter14 = DunningPolicy.Of([], 14);

    private static ReceivableInvoice Invoice(string key, string contract, string date, string due, decimal total, string customer = "acme",
        string currency = "USD", DunningPolicy? dunning = null) =>
        new(key, customer, contract, currency, DateOnly.Parse(date), DateOnly.Parse(due), total, dunning ?? DunningPolicy.None);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant);

    private static PaymentReceived Payment(string key, decimal amount, string at, string? invoice = null, string currency = "USD", string customer = "acme") =>
        new(key, customer, currency, amount, At(at), invoice);

    [Fact]
    public void Pay_NamedInvoiceFirst_ThenEarliestDue_ThenEarliestDate_ThenContractId()
    {
        var ledger = new AccountsReceivable();
        // Issued out of order so that the order of issue cannot pass for the order of payment.
        ledger.Issue(Invoice("B", "K1", "2025-01-15", "2025-02-10", 50m), At("2025-01-15T00:00:00Z"));
        ledger.Issue(Invoice("A", "K2", "2025-01-01", "2025-02-10", 40m), At("2025-01-01T00:00:00Z"));
        ledger.Issue(Invoice("E", "K9", "2025-02-01", "2025-03-03", 10m), At("2025-02-01T00:00:00Z"));
        ledger.Issue(Invoice("C", "K1", "2025-01-01", "2025-02-10", 30m), At("2025-01-01T00:00:00Z"));
        ledger.Issue(Invoice("D", "K3", "2025-01-20", "2025-01-31", 20m), At("2025-01-20T00:00:00Z"));

        var applied = ledger.Pay(Payment("P1", 125m, "2025-02-05T10:00:00Z", invoice: "E"));

        Assert.Equal([("E", 10m), ("D", 20m), ("C", 30m), ("A", 40m), ("B", 25m)], applied.Allocations.Select(a => (a.Invoice, a.Amount)));
        Assert.All(applied.Allocations, a => Assert.Equal((AllocationSource.Payment, "P1", At("2025-02-05T10:00:00Z")), (a.Source, a.SourceKey, a.At)));
        Assert.Equal(0m, applied.ToCredit);
        Assert.Equal(25m, ledger.Balance("B"));
        Assert.Equal(25m, ledger.OpenBalance("acme", "USD"));
    }

    [Fact]
    public void Pay_OtherCurrencyAndOtherCustomer_AreNotPaid()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("EUR", "K2", "2025-01-01", "2025-01-11", 100m, currency: "EUR"), At("2025-01-01T00:00:00Z"));
        ledger.Issue(Invoice("OTHER", "K3", "2025-01-01", "2025-01-11", 100m, customer: "fabrikam"), At("2025-01-01T00:00:00Z"));
        ledger.Issue(Invoice("USD", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));

        var applied = ledger.Pay(Payment("P1", 130m, "2025-02-05T10:00:00Z"));

        Assert.Equal([("USD", 100m)], applied.Allocations.Select(a => (a.Invoice, a.Amount)));
        Assert.Equal(30m, applied.ToCredit);
        Assert.Equal((100m, 100m, 30m, 0m), (ledger.Balance("EUR"), ledger.Balance("OTHER"), ledger.CreditBalance("acme", "USD"), ledger.CreditBalance("acme", "EUR")));
    }

    [Fact]
    public void Pay_Partial_LeavesTheRestOwed()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));

        var applied = ledger.Pay(Payment("P1", 30m, "2025-02-05T10:00:00Z"));

        Assert.Equal([("A", 30m)], applied.Allocations.Select(a => (a.Invoice, a.Amount)));
        Assert.Equal((30m, 70m, 70m, 0m), (ledger.Paid("A"), ledger.Balance("A"), ledger.OpenBalance("acme", "USD"), ledger.CreditBalance("acme", "USD")));
    }

    [Fact]
    public void Status_ByDate_OpenPartiallyPaidOverduePaidAndCredit()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));
        ledger.Issue(Invoice("N", "K1", "2025-03-01", "2025-03-11", -20m), At("2025-03-01T00:00:00Z"));

        Assert.Equal(ReceivableStatus.Open, ledger.Status("A", new DateOnly(2025, 2, 11)));        // the due date itself is not late
        Assert.Equal(ReceivableStatus.Overdue, ledger.Status("A", new DateOnly(2025, 2, 12)));
        ledger.Pay(Payment("P1", 40m, "2025-02-05T10:00:00Z"));
        Assert.Equal(ReceivableStatus.PartiallyPaid, ledger.Status("A", new DateOnly(2025, 2, 11)));
        Assert.Equal(ReceivableStatus.Overdue, ledger.Status("A", new DateOnly(2025, 2, 12)));   // partly paid and late is overdue
        ledger.Pay(Payment("P2", 60m, "2025-02-20T10:00:00Z"));
        Assert.Equal(ReceivableStatus.Paid, ledger.Status("A", new DateOnly(2025, 2, 12)));
        Assert.Equal(ReceivableStatus.Credit, ledger.Status("N", new DateOnly(2025, 4, 1)));
        Assert.Equal((0m, 0m), (ledger.Paid("N"), ledger.Balance("N")));
    }

    [Fact]
    public void Issue_CreditLots_PayLaterInvoicesOldestCreditFirst()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));
        Assert.Equal(20m, ledger.Pay(Payment("P1", 120m, "2025-02-05T10:00:00Z")).ToCredit);
        ledger.Issue(Invoice("N", "K1", "2025-03-01", "2025-03-11", -30m), At("2025-03-01T00:00:00Z"));
        Assert.Equal(5m, ledger.Pay(Payment("P2", 5m, "2025-03-05T10:00:00Z")).ToCredit);
        Assert.Equal(55m, ledger.CreditBalance("acme", "USD"));

        var first = ledger.Issue(Invoice("B", "K1", "2025-04-01", "2025-04-11", 40m), At("2025-04-01T00:00:00Z"));
        var second = ledger.Issue(Invoice("C", "K1", "2025-05-01", "2025-05-11", 12m), At("2025-05-01T00:00:00Z"));

        Assert.Equal([(AllocationSource.CreditBalance, "P1", "B", 20m), (AllocationSource.CreditBalance, "N", "B", 20m)],
            first.Select(a => (a.Source, a.SourceKey, a.Invoice, a.Amount)));
        Assert.Equal([(AllocationSource.CreditBalance, "N", "C", 10m), (AllocationSource.CreditBalance, "P2", "C", 2m)],
            second.Select(a => (a.Source, a.SourceKey, a.Invoice, a.Amount)));
        Assert.Equal((3m, 0m, 0m), (ledger.CreditBalance("acme", "USD"), ledger.Balance("B"), ledger.Balance("C")));
    }

    [Fact]
    public void Issue_CreditNoteNamingNoInvoice_DoesNotPayAnInvoiceAlreadyOpen()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));

        var made = ledger.Issue(Invoice("N", "K1", "2025-03-01", "2025-03-11", -30m), At("2025-03-01T00:00:00Z"));

        Assert.Empty(made);
        Assert.Equal((100m, 30m), (ledger.Balance("A"), ledger.CreditBalance("acme", "USD")));
    }

    [Fact]
    public void Issue_CreditNoteNamingAnInvoice_PaysItsBalanceAndCreditsTheRest()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));
        ledger.Pay(Payment("P1", 70m, "2025-02-05T10:00:00Z"));

        var made = ledger.Issue(Invoice("N", "K1", "2025-03-01", "2025-03-11", -50m) with { Credits = "A" }, At("2025-03-01T00:00:00Z"));

        Assert.Equal([(AllocationSource.CreditNote, "N", "A", 30m, At("2025-03-01T00:00:00Z"))], made.Select(a => (a.Source, a.SourceKey, a.Invoice, a.Amount, a.At)));
        Assert.Equal((100m, 0m, ReceivableStatus.Paid, 20m),
            (ledger.Paid("A"), ledger.Balance("A"), ledger.Status("A", new DateOnly(2025, 3, 1)), ledger.CreditBalance("acme", "USD")));
    }

    [Fact]
    public void Issue_CreditNoteNamingAnInvoiceInAnotherCurrency_IsAllCredit()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));

        var made = ledger.Issue(Invoice("N", "K2", "2025-03-01", "2025-03-11", -50m, currency: "EUR") with { Credits = "A" }, At("2025-03-01T00:00:00Z"));

        Assert.Empty(made);
        Assert.Equal((100m, 50m, 0m), (ledger.Balance("A"), ledger.CreditBalance("acme", "EUR"), ledger.CreditBalance("acme", "USD")));
    }

    [Fact]
    public void Issue_SameKeyTwice_Throws()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));

        var thrown = Assert.Throws<InvalidOperationException>(() => ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z")));
        Assert.Equal("Invoice A is already recorded.", thrown.Message);
    }

    [Fact]
    public void Refund_MoreThanTheCredit_IsRefusedAndChangesNothing()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));
        ledger.Pay(Payment("P1", 108m, "2025-02-05T10:00:00Z"));
        ledger.Pay(Payment("P2", 17m, "2025-02-06T10:00:00Z"));

        var refused = ledger.Refund("acme", "USD", 30m);

        Assert.Equal(new Refusal(RefusalCode.InvalidPayment, "amount 30 is more than the customer's credit balance of 25 USD"), refused);
        Assert.Equal(25m, ledger.CreditBalance("acme", "USD"));
        Assert.Equal(new Refusal(RefusalCode.InvalidPayment, "amount must be greater than 0; got 0"), ledger.Refund("acme", "USD", 0m));
    }

    [Fact]
    public void Refund_TakesTheOldestCreditFirst()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));
        ledger.Pay(Payment("P1", 108m, "2025-02-05T10:00:00Z"));   // 8 to credit
        ledger.Pay(Payment("P2", 17m, "2025-02-06T10:00:00Z"));    // 17 to credit

        Assert.Null(ledger.Refund("acme", "USD", 10m));             // all 8 of P1, 2 of P2

        var made = ledger.Issue(Invoice("B", "K1", "2025-03-01", "2025-03-11", 5m), At("2025-03-01T00:00:00Z"));
        Assert.Equal([("P2", 5m)], made.Select(a => (a.SourceKey, a.Amount)));
        Assert.Equal(10m, ledger.CreditBalance("acme", "USD"));
    }

    [Fact]
    public void Check_RefusesWithTheReason()
    {
        var ledger = new AccountsReceivable();
        ledger.Issue(Invoice("A", "K1", "2025-02-01", "2025-02-11", 100m), At("2025-02-01T00:00:00Z"));
        ledger.Issue(Invoice("F", "K3", "2025-02-01", "2025-02-11", 100m, customer: "fabrikam"), At("2025-02-01T00:00:00Z"));

        Assert.Equal("amount must be greater than 0; got 0", ledger.Check(Payment("P1", 0m, "2025-02-05T10:00:00Z"))?.Message);
        Assert.Equal("amount must be greater than 0; got -5", ledger.Check(Payment("P1", -5m, "2025-02-05T10:00:00Z"))?.Message);
        Assert.Equal("the customer has no invoice in EUR", ledger.Check(Payment("P1", 10m, "2025-02-05T10:00:00Z", currency: "EUR"))?.Message);
        Assert.Equal("invoice X is not an invoice of this customer in USD", ledger.Check(Payment("P1", 10m, "2025-02-05T10:00:00Z", invoice: "X"))?.Message);
        Assert.Equal("invoice F is not an invoice of this customer in USD", ledger.Check(Payment("P1", 10m, "2025-02-05T10:00:00Z", invoice: "F"))?.Message);
        Assert.Equal(RefusalCode.InvalidPayment, ledger.Check(Payment("P1", 0m, "2025-02-05T10:00:00Z"))?.Code);
        Assert.Null(ledger.Check(Payment("P1", 10m, "2025-02-05T10:00:00Z", invoice: "A")));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Pay(Payment("P1", 0m, "2025-02-05T10:00:00Z")));
        Assert.Equal(100m, ledger.Balance("A"));
    }

    [Fact]
    public void HoldCause_FromDuePlusHoldDays_EarliestDueFirst_UntilPaid()
    {
        var ledger = new AccountsReceivable();
        // Due 01-15 but its contract never holds; A and B hold from due + 14 days.
        ledger.Issue(Invoice("Z", "K0", "2025-01-05", "2025-01-15", 100m), At("2025-01-05T00:00:00Z"));
        ledger.Issue(Invoice("B", "K2", "2025-01-21", "2025-02-05", 100m, dunning: HoldAfter14), At("2025-01-21T00:00:00Z"));
        ledger.Issue(Invoice("A", "K1", "2025-01-21", "2025-01-31", 100m, dunning: HoldAfter14), At("2025-01-21T00:00:00Z"));
        ledger.Issue(Invoice("F", "K3", "2025-01-01", "2025-01-11", 100m, customer: "fabrikam", dunning: HoldAfter14), At("2025-01-01T00:00:00Z"));

        Assert.Null(ledger.HoldCause("acme", At("2025-02-13T23:59:59Z")));
        Assert.Equal("A", ledger.HoldCause("acme", At("2025-02-14T00:00:00Z"))?.Key);
        Assert.Equal("A", ledger.HoldCause("acme", At("2025-02-19T00:00:00Z"))?.Key);   // B holds too from 02-19; A is due first
        ledger.Pay(Payment("P1", 99m, "2025-02-15T10:00:00Z", invoice: "A"));
        Assert.Equal("A", ledger.HoldCause("acme", At("2025-02-15T10:00:00Z"))?.Key);   // a cent left still holds
        ledger.Pay(Payment("P2", 1m, "2025-02-15T11:00:00Z", invoice: "A"));
        Assert.Null(ledger.HoldCause("acme", At("2025-02-18T23:59:59Z")));
        Assert.Equal("B", ledger.HoldCause("acme", At("2025-02-19T00:00:00Z"))?.Key);
    }
}
