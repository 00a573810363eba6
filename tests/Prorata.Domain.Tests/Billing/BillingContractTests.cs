using Prorata.Domain.Billing;
using Prorata.Domain.Contracts;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tests.Billing;

public class BillingContractTests
{
    private static readonly DateOnly FirstEvent = new(2025, 1, 20);

    private static BillingContract Contract(InvoiceCadence cadence, DateOnly? start = null, int terms = 30) =>
        new("K1", "c", Currency.FromCode("USD"), 15, ContractAlignment.Contract, RefundPolicy.Prorated, [])
        {
            Cadence = cadence, StartDate = start, PaymentTermsDays = terms,
        };

    [Theory]
    [InlineData(InvoiceCadence.Monthly, "2025-02-15", "2025-03-14")]
    [InlineData(InvoiceCadence.Quarterly, "2025-02-15", "2025-05-14")]
    [InlineData(InvoiceCadence.Annual, "2025-02-15", "2026-02-14")]
    [InlineData(InvoiceCadence.Quarterly, "2025-11-15", "2026-02-14")]
    public void PeriodEndFrom_Cadence_IsTheDayBeforeTheNextInvoice(InvoiceCadence cadence, string date, string end) =>
        Assert.Equal(DateOnly.Parse(end), Contract(cadence).PeriodEndFrom(DateOnly.Parse(date)));

    [Fact]
    public void BillingDates_QuarterlyWithoutStartDate_CountFromTheFirstBillingDayOnOrAfterTheFirstEvent() =>
        Assert.Equal([new(2025, 2, 15), new(2025, 5, 15), new(2025, 8, 15), new(2025, 11, 15)],
            Contract(InvoiceCadence.Quarterly).BillingDates(FirstEvent, DateOnly.MinValue, new DateOnly(2025, 12, 31)));

    [Fact]
    public void BillingDates_StartDateAfterTheFirstEvent_CountFromTheStartDate() =>
        Assert.Equal([new(2025, 3, 15), new(2026, 3, 15)],
            Contract(InvoiceCadence.Annual, start: new DateOnly(2025, 3, 1)).BillingDates(FirstEvent, DateOnly.MinValue, new DateOnly(2026, 12, 31)));

    [Fact]
    public void BillingDates_FromAndUntil_AreInclusive() =>
        Assert.Equal([new(2025, 5, 15), new(2025, 8, 15)],
            Contract(InvoiceCadence.Quarterly).BillingDates(FirstEvent, new DateOnly(2025, 5, 15), new DateOnly(2025, 8, 15)));

    [Theory]
    [InlineData("2025-02-15", true)]
    [InlineData("2025-05-15", true)]
    [InlineData("2026-02-15", true)]
    [InlineData("2025-03-15", false)]
    [InlineData("2025-05-14", false)]
    [InlineData("2024-11-15", false)]
    public void IsBillingDate_Quarterly_OnlyEveryThirdBillingDay(string date, bool billing) =>
        Assert.Equal(billing, Contract(InvoiceCadence.Quarterly).IsBillingDate(DateOnly.Parse(date), FirstEvent));

    [Theory]
    [InlineData(30, "2025-02-15", "2025-03-17")]
    [InlineData(45, "2025-04-01", "2025-05-16")]
    [InlineData(0, "2025-04-01", "2025-04-01")]
    public void DueOn_PaymentTerms_AddsTheDays(int terms, string date, string due) =>
        Assert.Equal(DateOnly.Parse(due), Contract(InvoiceCadence.Monthly, terms: terms).DueOn(DateOnly.Parse(date)));
}
