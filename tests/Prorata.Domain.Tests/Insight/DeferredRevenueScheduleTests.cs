using Prorata.Domain.Insight;
using Prorata.Domain.Money;

namespace Prorata.Domain.Tests.Insight;

/// <summary>
/// An annual seat billed in advance, 1,200.00 on 2026-01-15 for 2026-01-15..2027-01-14 (365 days), recognised by each month
/// end as round(1,200 × days served ÷ 365): 17 days by Jan 31 → 55.89, 45 by Feb 28 → 147.95, …
/// </summary>
public sealed class DeferredRevenueScheduleTests
{
    private static readonly Currency Eur = Currency.FromCode("EUR");
    private static readonly DeferredLine Annual = new("Northwind DE", "EUR", new(2026, 1, 15), new(2026, 1, 15), new(2027, 1, 14), 1200.00m);

    [Theory]
    [InlineData("2026-01-14", 0.00)]      // billed the next day
    [InlineData("2026-01-15", 3.29)]      // 1 day: 1,200 ÷ 365 = 3.2876…
    [InlineData("2026-01-31", 55.89)]     // 17 days: 55.890…
    [InlineData("2026-02-28", 147.95)]    // 45 days: 147.945…, half away from zero
    [InlineData("2027-01-13", 1196.71)]   // 364 days: 1,196.712…
    [InlineData("2027-01-14", 1200.00)]
    [InlineData("2030-01-01", 1200.00)]
    public void RecognisedBy_AnnualPrepaid_IsTheDaysServedShareRoundedToTheCent(string day, decimal expected) =>
        Assert.Equal(expected, RevenueRecognition.RecognisedBy(Annual, DateOnly.Parse(day), Eur));

    [Fact]
    public void RecognisedBy_DaysServedBeforeTheLineIsBilled_AreRecognisedOnTheBillingDay()
    {
        // February's usage billed in arrears on 03-01: nothing deferred, all of it recognised in March.
        var arrears = new DeferredLine("Northwind DE", "EUR", new(2026, 3, 1), new(2026, 2, 1), new(2026, 2, 28), 50.00m);

        Assert.Equal((0.00m, 50.00m, 0.00m),
            (RevenueRecognition.RecognisedBy(arrears, new(2026, 2, 28), Eur), RevenueRecognition.RecognisedBy(arrears, new(2026, 3, 1), Eur),
             RevenueRecognition.DeferredAt(arrears, new(2026, 3, 1), Eur)));
    }

    [Fact]
    public void Months_AnnualPrepaidOverItsYear_RecognisesExactlyTheAmountAndClosesAtZero()
    {
        var schedule = new DeferredRevenueSchedule(new(2026, 1, 1), new(2027, 2, 1));
        schedule.Add(Annual);

        var months = schedule.Months();

        Assert.Equal(14, months.Count);
        Assert.Equal(new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 1, 1), 0.00m, 1200.00m, 55.89m, 1144.11m), months[0]);
        Assert.Equal(new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 2, 1), 1144.11m, 0.00m, 92.06m, 1052.05m), months[1]);
        Assert.Equal(new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 12, 1), 147.95m, 0.00m, 101.92m, 46.03m), months[11]);
        Assert.Equal(new DeferredRevenueMonth("Northwind DE", "EUR", new(2027, 1, 1), 46.03m, 0.00m, 46.03m, 0.00m), months[12]);
        Assert.Equal(new DeferredRevenueMonth("Northwind DE", "EUR", new(2027, 2, 1), 0.00m, 0.00m, 0.00m, 0.00m), months[13]);
        Assert.Equal(1200.00m, months.Sum(m => m.Recognised));
    }

    [Fact]
    public void Months_RangeStartingMidService_OpensWithWhatIsStillDeferred()
    {
        var schedule = new DeferredRevenueSchedule(new(2026, 6, 30), new(2026, 6, 1));
        schedule.Add(Annual);

        // By May 31: 137 days served → 450.41 recognised, 749.59 deferred; June recognises 30 days more.
        Assert.Equal([new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 6, 1), 749.59m, 0.00m, 98.63m, 650.96m)], schedule.Months());
    }

    [Fact]
    public void Months_CreditNoteOfThePrepaidLine_TakesBackWhatWasRecognisedAndLeavesNothingDeferred()
    {
        var schedule = new DeferredRevenueSchedule(new(2026, 3, 1), new(2026, 5, 1));
        schedule.Add(Annual);
        // Credited on 04-10 for the same service days: its 106 days to Apr 30 (−348.49) are recognised at once.
        schedule.Add(Annual with { Billed = new(2026, 4, 10), Amount = -1200.00m });

        Assert.Equal(
            [
                new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 3, 1), 1052.05m, 0.00m, 101.91m, 950.14m),
                // 98.63 of the invoice − 348.49 of the credit note = −249.86; 950.14 − 1,200.00 + 249.86 = 0.
                new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 4, 1), 950.14m, -1200.00m, -249.86m, 0.00m),
                new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 5, 1), 0.00m, 0.00m, 0.00m, 0.00m),
            ],
            schedule.Months());
    }

    [Fact]
    public void Months_TriennialPrepaid_RecognisesExactlyItsAmountOverThirtySixMonths()
    {
        // 1,096 service days (2028 is a leap year); 10,000.00 ÷ 1,096 = 9.1240… a day.
        var triennial = new DeferredLine("Northwind DE", "EUR", new(2026, 1, 1), new(2026, 1, 1), new(2028, 12, 31), 10000.00m);
        var schedule = new DeferredRevenueSchedule(new(2026, 1, 1), new(2028, 12, 1));
        schedule.Add(triennial);

        var months = schedule.Months();

        Assert.Equal(36, months.Count);
        Assert.Equal(282.85m, months[0].Recognised);    // 31 days: 282.846…
        Assert.Equal(10000.00m, months.Sum(m => m.Recognised));
        Assert.Equal(0.00m, months[^1].Closing);
    }

    [Fact]
    public void Months_TwoEntitiesAndCurrencies_AreSeparateSchedulesNeverSummed()
    {
        var schedule = new DeferredRevenueSchedule(new(2026, 1, 1), new(2026, 1, 1));
        schedule.Add(Annual with { LegalEntity = "Northwind US", Currency = "USD" });
        schedule.Add(Annual);
        schedule.Add(Annual with { Currency = "USD", Amount = 365.00m });

        Assert.Equal(
            [
                new DeferredRevenueMonth("Northwind DE", "EUR", new(2026, 1, 1), 0.00m, 1200.00m, 55.89m, 1144.11m),
                new DeferredRevenueMonth("Northwind DE", "USD", new(2026, 1, 1), 0.00m, 365.00m, 17.00m, 348.00m),
                new DeferredRevenueMonth("Northwind US", "USD", new(2026, 1, 1), 0.00m, 1200.00m, 55.89m, 1144.11m),
            ],
            schedule.Months());
    }

    [Fact]
    public void New_ToBeforeFrom_IsRefusedNamingBoth() =>
        Assert.StartsWith("to must not be before from (2026-05).",
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeferredRevenueSchedule(new(2026, 5, 1), new(2026, 4, 30))).Message);
}
