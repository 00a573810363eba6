using Prorata.Domain.Reconciliation;
using Prorata.Integrations.ReconFiles;
using static Prorata.Reconciliation.Tests.HandMadeCharges;

namespace Prorata.Reconciliation.Tests;

public sealed class UnbilledRevenueTests
{
    private static List<ReconLine> SeatAddFile()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Files", "out-of-band-seat-add.csv"));
        return InvoiceReconReader.ReadCsv(stream).ToList();
    }

    private static BilledPeriod Billed(int startMonth, int startDay, int endMonth, int endDay) =>
        new(S1, new DateOnly(2025, startMonth, startDay), new DateOnly(2025, endMonth, endDay));

    [Fact]
    public void Find_MarchNeverInvoiced_MarchCycleAndSeatAddChargeUnbilledRefundIgnored()
    {
        var unbilled = UnbilledRevenue.Find(SeatAddFile(), [Billed(1, 1, 1, 31), Billed(2, 1, 2, 28)]);

        Assert.Equal([(4L, 31, 120.00m), (6L, 18, 104.51m)], unbilled.Charges.Select(c => (c.Line.Row, c.UncoveredDays, c.Amount)));
        Assert.Equal(224.51m, unbilled.Total);
    }

    [Fact]
    public void Find_MarchInvoicedOnlyToThe15th_UncoveredDaysProrated()
    {
        var unbilled = UnbilledRevenue.Find(SeatAddFile(), [Billed(1, 1, 1, 31), Billed(2, 1, 2, 28), Billed(3, 1, 3, 10), Billed(3, 5, 3, 15)]);

        // 16 of March's 31 days: 120 × 16 / 31 = 61.935… → 61.94; 16 of the seat add's 18 days: 104.51 × 16 / 18 = 92.897… → 92.90.
        Assert.Equal([(4L, 16, 61.94m), (6L, 16, 92.90m)], unbilled.Charges.Select(c => (c.Line.Row, c.UncoveredDays, c.Amount)));
        Assert.Equal(154.84m, unbilled.Total);
    }

    [Fact]
    public void Find_EveryDayInvoiced_NothingUnbilled()
    {
        var unbilled = UnbilledRevenue.Find(SeatAddFile(), [Billed(1, 1, 3, 31)]);

        Assert.Empty(unbilled.Charges);
        Assert.Equal(0m, unbilled.Total);
    }
}
