using Microsoft.EntityFrameworkCore;
using Prorata.Data.Reconciliation;
using Prorata.Domain.Billing;
using Prorata.Domain.Reconciliation;

namespace Prorata.Data.Tests;

/// <summary>The stored recon import on each provider: binary COPY on PostgreSQL, EF batches on SQLite, one transaction either way.</summary>
public abstract class ReconImportWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Complete_ThreeLines_HeaderSummaryAndTypedLinesStored()
    {
        var import = Header();
        await using (var db = NewContext())
        await using (var writer = await ReconImportWriter.BeginAsync(db, import, CancellationToken.None))
        {
            writer.Write(Match(1, ReconState.Matched, 60.00m, expected: 60.00m, atStake: 0m, cause: null));
            writer.Write(Match(2, ReconState.AmountMismatch, 61.25m, expected: 60.00m, atStake: 1.25m, cause: "Price changed on 2026-03-01"));
            writer.Write(Match(3, ReconState.UnknownSubscription, 12.50m, expected: null, atStake: 12.50m, cause: null));
            await writer.CompleteAsync(3, new ReconSummary(1, 1, 0, 0, 0, 1, 0, 13.75m, 133.75m, 120.00m), [], [], 7.20m, Received.AddMinutes(1), CancellationToken.None);
        }

        await using var check = NewContext();
        var stored = await check.ReconImports.AsNoTracking().SingleAsync(i => i.Id == import.Id);
        var lines = await check.ReconImportLines.AsNoTracking().Where(l => l.ImportId == import.Id).OrderBy(l => l.Row).ToListAsync();
        Assert.Equal((3L, 1, 1, 1, 13.75m, 7.20m), (stored.Rows, stored.Matched, stored.AmountMismatch, stored.UnknownSubscription, stored.MoneyAtStake, stored.UnbilledTotal));
        Assert.Equal(
            [
                (1L, "Matched", 60.00m, (decimal?)60.00m, 0m, (string?)null, new DateOnly(2026, 3, 1)),
                (2L, "AmountMismatch", 61.25m, 60.00m, 1.25m, "Price changed on 2026-03-01", new DateOnly(2026, 3, 1)),
                (3L, "UnknownSubscription", 12.50m, null, 12.50m, null, new DateOnly(2026, 3, 1)),
            ],
            lines.Select(l => (l.Row, l.State, l.Total, l.ExpectedTotal, l.MoneyAtStake, l.Cause, l.ChargeStart)));
    }

    [Fact]
    public async Task Complete_MissingAndUnbilledCharges_StoredWithTheExpectedChargeOfEachLine()
    {
        var import = Header();
        var mismatch = Match(1, ReconState.AmountMismatch, 61.25m, expected: 60.00m, atStake: 1.25m, cause: "Price changed on 2026-03-01");
        var missing = new MissingCharge(
            new ProviderCharge("s-9", ChargeType.CycleCharge, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), 12.00m, 12.00m, 15, 180.00m, "ref-9", "P", "S", "USD"),
            RootCause.NotYetBilled, "April is not billed yet");
        await using (var db = NewContext())
        await using (var writer = await ReconImportWriter.BeginAsync(db, import, CancellationToken.None))
        {
            writer.Write(mismatch);
            await writer.CompleteAsync(1, new ReconSummary(0, 1, 0, 0, 0, 0, 1, 181.25m, 61.25m, 240.00m), [missing], [new UnbilledCharge(mismatch.Line, 16, 31.61m)],
                31.61m, Received.AddMinutes(1), CancellationToken.None);
        }

        await using var check = NewContext();
        var line = await check.ReconImportLines.AsNoTracking().SingleAsync(l => l.ImportId == import.Id);
        var storedMissing = await check.ReconImportMissing.AsNoTracking().SingleAsync(m => m.ImportId == import.Id);
        var unbilled = await check.ReconImportUnbilled.AsNoTracking().SingleAsync(u => u.ImportId == import.Id);
        Assert.Equal(("None", "cycleCharge", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 6.00m, 6.00m, 10, "ref"),
            (line.RootCause, line.ExpectedChargeType, line.ExpectedChargeStart, line.ExpectedChargeEnd, line.ExpectedUnitPrice, line.ExpectedEffectiveUnitPrice,
             line.ExpectedQuantity, line.ExpectedReferenceId));
        Assert.Equal((0, "s-9", "cycleCharge", new DateOnly(2026, 4, 30), 15, 180.00m, "NotYetBilled", "April is not billed yet"),
            (storedMissing.Ordinal, storedMissing.Subscription, storedMissing.ChargeType, storedMissing.ChargeEnd, storedMissing.Quantity, storedMissing.Total,
             storedMissing.RootCause, storedMissing.Cause));
        Assert.Equal((1L, 16, 31.61m), (unbilled.Row, unbilled.UncoveredDays, unbilled.Amount));
    }

    [Fact]
    public async Task Complete_LinesWithEveryColumn_OtherColumnsKeptAndTheirNamesOnceOnTheImport()
    {
        var import = Header();
        string[] names = ["MpnId", "PriceAdjustmentDescription", "SomethingNew"];
        var csvLine = Match(1, ReconState.Matched, 60.00m, expected: 60.00m, atStake: 0m, cause: null);
        csvLine = csvLine with
        {
            Line = csvLine.Line with
            {
                PartnerId = "p-1", CustomerName = "Contoso Ltd", InvoiceNumber = "G012345678", OrderId = "o-1", OrderDate = new DateOnly(2026, 2, 27),
                ProductName = "Microsoft 365 E3", SkuName = "E3", SubscriptionDescription = "E3 for Contoso", Quantity = 11m, TaxTotal = 12.00m,
                PcToBcExchangeRate = 0.923456789012m, TermAndBillingCycle = "One-Year commitment for monthly/yearly billing", BillingFrequency = "Monthly",
                Extra = new ExtraColumns(names, "6123456[\"15.0% Partner earned credit\"]x", [7, 38, 39]),
            },
        };
        var usageLine = Match(2, ReconState.Matched, 2.13m, expected: null, atStake: 0m, cause: null) with
        {
            Usage = new ExpectedUsage("s-2", new DateOnly(2026, 3, 1), "DZH318Z0BQ3Q", "0009", 2.13m, 100.5m, 31),
        };
        // A JSON line with other properties than the first line, one value with the separator in it.
        usageLine = usageLine with { Line = usageLine.Line with { Extra = [new("meterDescription", "LRS\u001FData")] } };
        await using (var db = NewContext())
        await using (var writer = await ReconImportWriter.BeginAsync(db, import, CancellationToken.None))
        {
            writer.Write(csvLine);
            writer.Write(usageLine);
            await writer.CompleteAsync(2, new ReconSummary(2, 0, 0, 0, 0, 0, 0, 0m, 62.13m, 62.13m), [], [], 0m, Received.AddMinutes(1), CancellationToken.None);
        }

        await using var check = NewContext();
        var stored = await check.ReconImports.AsNoTracking().SingleAsync(i => i.Id == import.Id);
        var lines = await check.ReconImportLines.AsNoTracking().Where(l => l.ImportId == import.Id).OrderBy(l => l.Row).ToListAsync();
        Assert.Equal(names, PackedColumns.Unpack(stored.OtherColumnNames!));
        Assert.Equal(
            [new KeyValuePair<string, string>("MpnId", "6123456"), new("PriceAdjustmentDescription", "[\"15.0% Partner earned credit\"]"), new("SomethingNew", "x")],
            PackedColumns.UnpackValues(names, lines[0].OtherColumns!));
        Assert.Equal(("p-1", "Contoso Ltd", "G012345678", "o-1", (DateOnly?)new DateOnly(2026, 2, 27), "Microsoft 365 E3", "E3", "E3 for Contoso"),
            (lines[0].PartnerId, lines[0].CustomerName, lines[0].InvoiceNumber, lines[0].OrderId, lines[0].OrderDate, lines[0].ProductName, lines[0].SkuName,
             lines[0].SubscriptionDescription));
        Assert.Equal((11m, 12.00m, 0.923456789012m, "One-Year commitment for monthly/yearly billing", "Monthly"),
            (lines[0].Quantity!.Value, lines[0].TaxTotal!.Value, lines[0].PcToBcExchangeRate!.Value, lines[0].TermAndBillingCycle, lines[0].BillingFrequency));
        Assert.Equal([new KeyValuePair<string, string>("meterDescription", "LRS\u001FData")], PackedColumns.UnpackPairs(lines[1].OtherColumns![1..]));
        Assert.Equal((ReconImportLine.PairsMark, "usage", (decimal?)2.13m, (decimal?)100.5m, (int?)31, (DateOnly?)new DateOnly(2026, 3, 31)),
            (lines[1].OtherColumns![0], lines[1].ExpectedChargeType, lines[1].ExpectedTotal, lines[1].ExpectedUsageQuantity, lines[1].ExpectedUsageRows,
             lines[1].ExpectedChargeEnd));
    }

    [Fact]
    public async Task Dispose_WithoutComplete_NothingStored()
    {
        var import = Header();
        await using (var db = NewContext())
        await using (var writer = await ReconImportWriter.BeginAsync(db, import, CancellationToken.None))
        {
            writer.Write(Match(1, ReconState.Matched, 60.00m, expected: 60.00m, atStake: 0m, cause: null));
        }

        await using var check = NewContext();
        Assert.Equal((0, 0), (await check.ReconImports.CountAsync(i => i.Id == import.Id), await check.ReconImportLines.CountAsync(l => l.ImportId == import.Id)));
    }

    [Fact]
    public async Task Begin_SameSha256AsAStoredImport_RefusedByTheUniqueKey()
    {
        var first = Header();
        await using (var db = NewContext())
        await using (var writer = await ReconImportWriter.BeginAsync(db, first, CancellationToken.None))
        {
            await writer.CompleteAsync(0, new ReconSummary(0, 0, 0, 0, 0, 0, 0, 0m, 0m, 0m), [], [], 0m, Received, CancellationToken.None);
        }

        await using var again = NewContext();
        await Assert.ThrowsAsync<DbUpdateException>(() => ReconImportWriter.BeginAsync(again, Header(first.Sha256), CancellationToken.None));
    }

    private static ReconImport Header(string? sha256 = null) => new()
    {
        Id = Guid.NewGuid(), FileName = "march.csv", Sha256 = sha256 ?? Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'),
        ReceivedAt = Received, FinishedAt = Received,
    };

    private static LineMatch Match(long row, ReconState state, decimal total, decimal? expected, decimal atStake, string? cause) => new(
        new ReconLine
        {
            Row = row, CustomerId = "c-1", SubscriptionId = $"s-{row}", ChargeTypeName = "Cycle fee", ChargeStartDate = new DateOnly(2026, 3, 1),
            ChargeEndDate = new DateOnly(2026, 3, 31), UnitPrice = 6.00m, BillableQuantity = 10m, Subtotal = total, Total = total, Currency = "USD",
        },
        state,
        expected is { } e ? new ProviderCharge($"s-{row}", ChargeType.CycleCharge, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 6.00m, 6.00m, 10, e, "ref", "P", "S", "USD") : null,
        RootCause.None,
        cause,
        atStake);

    private ProrataDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<ProrataDbContext>();
        ProrataDatabase.Use(builder, ConnectionString);
        return new ProrataDbContext(builder.Options);
    }
}
