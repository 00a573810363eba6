using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.WorkItems;
using Prorata.Cli.Catalog;
using Prorata.Cli.Reconcile;
using Prorata.Data;
using Prorata.Data.Reconciliation;
using Prorata.Data.WorkItems;
using Prorata.Testing;

namespace Prorata.Cli.Tests;

public sealed class ImportGuardCommandTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
    private const string Header = "ProductId,SkuId,ProductTitle,SkuTitle,Publisher,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate,ERP Price";

    [Fact]
    public async Task PriceListsImport_PartialSecondList_HeldWithItsWarningsUntilConfirmed()
    {
        var full = await FileAsync($"{Header}\nCLI-A,0001,Cli,A,Microsoft,P1Y,Annual,US,USD,120,2026-03-01,,\nCLI-B,0001,Cli,B,Microsoft,P1Y,Annual,US,USD,240,2026-03-01,,\n");
        var partial = await FileAsync($"{Header}\nCLI-A,0001,Cli,A,Microsoft,P1Y,Annual,US,USD,120,2026-03-01,,\n");

        var first = await CommandRun.RunAsync(PriceListCommand.RunAsync, Time, "import", full, "--name", "full.csv", "--connection", database.ConnectionString);
        var held = await CommandRun.RunAsync(PriceListCommand.RunAsync, Time, "import", partial, "--connection", database.ConnectionString);
        var confirmed = await CommandRun.RunAsync(PriceListCommand.RunAsync, Time, "import", partial, "--confirm-warnings", "--connection", database.ConnectionString);

        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.StartsWith("imported full.csv (", first.Output);
        Assert.EndsWith("): 2 rows, 0 skipped, 0 warnings\n", first.Output);
        var warning = "warning partialList (to confirm): The file has 1 offers of 1 products; the list it replaces had 2 offers of 2 products, and 1 of those products "
            + "are missing entirely. Is the file complete?\n  CLI-B Cli B: 1 offers missing\n";
        Assert.Equal((1, warning, "not imported: the warnings marked 'to confirm' need --confirm-warnings once the file is known to be right\n"),
            (held.Exit, held.Output, held.Error));
        Assert.Equal(0, confirmed.Exit);
        Assert.StartsWith(warning + "imported ", confirmed.Output);
        await using var db = CommandRun.Open(database);
        Assert.Equal(2, await db.PriceListVersions.CountAsync());
    }

    [Fact]
    public async Task ReconcileWithdraw_StoredImport_WithdrawnAndItsItemsResolved_SecondTimeRefused()
    {
        var id = Guid.NewGuid();
        await using (var db = CommandRun.Open(database))
        {
            await db.Database.MigrateAsync();
            db.ReconImports.Add(new ReconImport { Id = id, FileName = "wrong.csv", Sha256 = new string('a', 64), ReceivedAt = Time.GetUtcNow(), FinishedAt = Time.GetUtcNow(), Rows = 1 });
            await new WorkItemRaiser(db, Time).RaiseAsync(new WorkItemDraft(WorkItemKind.ReconDiscrepancy, "UnknownSubscription", WorkItemSubject.ReconLine, $"{id}/2",
                "Row 2 of wrong.csv: unknownSubscription"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var withdrawn = await CommandRun.RunAsync(ReconcileWithdrawCommand.RunAsync, Time, id.ToString(), "--reason", "another partner's file", "--as", "finance",
            "--connection", database.ConnectionString);
        var again = await CommandRun.RunAsync(ReconcileWithdrawCommand.RunAsync, Time, id.ToString(), "--reason", "again", "--connection", database.ConnectionString);

        Assert.Equal((0, $"withdrawn wrong.csv ({id}) at 2026-03-14 09:30 by finance: another partner's file\n", ""), withdrawn);
        Assert.Equal((1, "", "wrong.csv was withdrawn on 2026-03-14 by finance; nothing was changed.\n"), again);
        await using var check = CommandRun.Open(database);
        var item = await check.WorkItems.SingleAsync(w => w.SubjectId == $"{id}/2");
        Assert.Equal((WorkItemState.Resolved, "The recon import wrong.csv was withdrawn: another partner's file"), (item.State, item.Resolution));
    }

    private static async Task<string> FileAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prorata-cli-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        return path;
    }
}
