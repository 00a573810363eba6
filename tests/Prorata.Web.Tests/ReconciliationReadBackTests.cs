using Microsoft.Extensions.DependencyInjection;
using Prorata.Domain.Reconciliation;
using Prorata.Web.Features.Reconciliation;

namespace Prorata.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ReconciliationReadBackTests(ProrataApp app)
{
    private static readonly string Files = Path.Combine(AppContext.BaseDirectory, "Files");
    private static readonly KeyValuePair<string, string>[] NoColumns = [];

    [Fact]
    public async Task FindAsync_AfterARestart_SummaryDiscrepanciesAndLineReadFromTheDatabase()
    {
        // The March file without its byte-order mark: the same lines, but bytes no other test imports (the SHA-256 is unique).
        var bytes = (await File.ReadAllBytesAsync(Path.Combine(Files, "scenario-02-march.csv")))[3..];
        var scenario = await File.ReadAllTextAsync(Path.Combine(Files, "scenario-02.json"));
        var imported = await ImportAsync(app.Services.GetRequiredService<ReconciliationImports>(), bytes, scenario);
        // A restart: a new instance knows nothing of the imports of the one before.
        var restarted = new ReconciliationImports(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Time,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Prorata.Integrations.ReconFiles.FileLimits>>());

        var listed = (await restarted.AllAsync(CancellationToken.None)).Single(i => i.Id == imported.Id);
        var stored = await restarted.FindAsync(imported.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(("march-whatif.csv", ImportStatus.Done, 5L, imported.Summary), (listed.FileName, listed.Status, listed.RowsRead, listed.Summary));
        // The scenario runs into April; the March file is matched for March only, so April's charge is not missing from it.
        Assert.Equal((4, 1, 0, 12.00m), (stored.Summary!.Matched, stored.Summary.PriceMismatch, stored.Summary.MissingCharge, stored.Summary.MoneyAtStake));
        // Discrepancies are read from the database a page at a time, the live import and the restarted one alike.
        var (page, total) = await restarted.DiscrepanciesAsync(imported.Id, null, null, null, 0, 100, CancellationToken.None);
        Assert.Equal(1, total);
        var names = await restarted.NamesAsync(["S1"], CancellationToken.None);
        var discrepancy = DiscrepancyResponse.From(Assert.Single(page), names);
        Assert.Equal(discrepancy, DiscrepancyResponse.From((await restarted.DiscrepancyAsync(imported.Id, 4, CancellationToken.None))!, names));
        Assert.Equal((4L, "S1", "cycleCharge", "priceMismatch", 120.00m, 132.00m, 12.00m, "priceChange"),
            (discrepancy.Row, discrepancy.Subscription, discrepancy.ChargeType, discrepancy.State, discrepancy.ExpectedTotal, discrepancy.ActualTotal,
             discrepancy.MoneyAtStake, discrepancy.RootCause));
        // S1 is the what-if's subscription, not Prorata's: the names are the file's.
        Assert.Equal(("Contoso Ltd", "Microsoft 365 Business Premium"), (discrepancy.Customer, discrepancy.Offer));
        var detail = DiscrepancyDetailResponse.From(page[0], names);
        Assert.Equal((12.00m, 10, 120.00m, 13.20m, 132.00m), (detail.Expected!.UnitPrice, detail.Expected.Quantity, detail.Expected.Total, detail.Line.UnitPrice, detail.Line.Subtotal));
        // Every column of the line, the typed ones and those the matcher has no field for, as the file had it.
        var original = Prorata.Integrations.ReconFiles.InvoiceReconReader.ReadCsv(new MemoryStream(bytes)).Single(l => l.Row == 4);
        var restored = page[0].Line;
        Assert.Equal(original with { Extra = NoColumns }, restored with { Extra = NoColumns });
        Assert.Equal(original.Extra, restored.Extra);
        Assert.Equal(19, restored.Extra.Count);
        Assert.Equal(imported.Missing, stored.Missing);
        Assert.Empty(stored.Missing);
        Assert.Equal(imported.UnbilledLines, stored.UnbilledLines);
        Assert.Equal(stored.UnbilledLines, (await restarted.UnbilledAsync(imported.Id, null, 0, 100, CancellationToken.None)).Page.Count);
    }

    private static async Task<ReconciliationImport> ImportAsync(ReconciliationImports imports, byte[] bytes, string scenario)
    {
        using var content = new MemoryStream(bytes);
        var (import, duplicate) = await imports.EnqueueAsync("march-whatif.csv", content, scenario, CancellationToken.None);
        Assert.False(duplicate);
        // The import runs in the background; a five-line file is done within moments.
        for (var attempt = 0; attempt < 100 && import.Status is ImportStatus.Queued or ImportStatus.Running; attempt++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(ImportStatus.Done, import.Status);
        return import;
    }
}
