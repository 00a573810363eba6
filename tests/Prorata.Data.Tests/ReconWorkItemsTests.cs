using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.Reconciliation;
using Prorata.Data.Reconciliation;
using Prorata.Data.WorkItems;
using Prorata.Domain.Reconciliation;
using ChargeType = Prorata.Domain.Billing.ChargeType;

namespace Prorata.Data.Tests;

/// <summary>A recon file of thousands of unknown lines: items one by one up to the cap, then one item per currency for the rest.</summary>
public abstract class ReconWorkItemsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = new ProrataDbContext(ProrataDatabase.CreateOptions(ConnectionString));
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Raise_MoreDiscrepanciesThanTheCap_CapItemsThenOneCountingTheRestTwiceRaisedAddsNothing()
    {
        var import = new ReconImport
        {
            Id = Guid.NewGuid(), FileName = "other-partner.csv", Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'),
            ReceivedAt = Now, FinishedAt = Now,
        };
        var count = ReconWorkItems.MaxItemsPerSource + 3;
        await using (var db = new ProrataDbContext(ProrataDatabase.CreateOptions(ConnectionString)))
        await using (var writer = await ReconImportWriter.BeginAsync(db, import, CancellationToken.None))
        {
            for (var row = 2; row < count + 2; row++) writer.Write(Unknown(row, 2.50m));
            await writer.CompleteAsync(count, new ReconSummary(0, 0, 0, 0, 0, count, 0, 2.50m * count, 0m, 2.50m * count), [], [], 0m, Now,
                CancellationToken.None);
        }
        await using var check = new ProrataDbContext(ProrataDatabase.CreateOptions(ConnectionString));
        var time = new FakeTimeProvider(Now);

        var first = await ReconWorkItems.RaiseAsync(check, import.Id, import.FileName, time, CancellationToken.None);
        var again = await ReconWorkItems.RaiseAsync(check, import.Id, import.FileName, time, CancellationToken.None);

        Assert.Equal((ReconWorkItems.MaxItemsPerSource + 1, 0), (first, again));
        var items = check.WorkItems.AsNoTracking().Where(i => i.Kind == WorkItemKind.ReconDiscrepancy && i.SubjectId!.StartsWith(import.Id.ToString()));
        Assert.Equal(ReconWorkItems.MaxItemsPerSource, await items.CountAsync(i => i.Code == "UnknownSubscription"));
        var row2 = await items.SingleAsync(i => i.SubjectId == $"{import.Id}/2");
        Assert.Equal(("Row 2 of other-partner.csv (cycleCharge, s-2): UnknownSubscription", 2.50m, "USD", "c-1", "s-2"),
            (row2.Message, row2.AmountAtStake, row2.Currency, row2.PartnerCenterCustomerId, row2.PartnerCenterSubscriptionId));
        var more = await items.SingleAsync(i => i.Code == "MoreDiscrepancies");
        Assert.Equal((7.50m, "USD", $"other-partner.csv has 3 more USD discrepancies after its first {ReconWorkItems.MaxItemsPerSource:N0}, listed on the import's page: "
            + "so many usually means the file belongs to another partner or Prorata's data is missing a customer."), (more.AmountAtStake, more.Currency, more.Message));
    }

    private static LineMatch Unknown(long row, decimal total) => new(
        new ReconLine
        {
            Row = row, CustomerId = "c-1", SubscriptionId = $"s-{row}", ChargeTypeName = "cycleCharge", ChargeType = ChargeType.CycleCharge,
            ChargeStartDate = new DateOnly(2026, 11, 1), ChargeEndDate = new DateOnly(2026, 11, 30), UnitPrice = total, BillableQuantity = 1m,
            Subtotal = total, Total = total, Currency = "USD",
        },
        ReconState.UnknownSubscription, null, RootCause.None, null, total);
}
