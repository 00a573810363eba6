using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.WorkItems;
using Prorata.Data.WorkItems;

namespace Prorata.Data.Tests;

/// <summary>Work items on each provider: raised once per problem, the workflow's rules, and the list's filters and totals.</summary>
public abstract class WorkItemTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        await db.WorkItemNotes.ExecuteDeleteAsync();
        await db.WorkItems.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Raise_SameProblemTwiceWhileOpen_OneItemTwoOccurrencesLatestFigures()
    {
        await RaiseAsync(Alert("s-1", "billed at ERP 10.00", 10m));
        _time.Advance(TimeSpan.FromDays(1));
        var second = await RaiseAsync(Alert("s-1", "billed at ERP 12.00", 12m));

        await using var db = NewContext();
        var item = await db.WorkItems.Include(i => i.Notes).SingleAsync();
        Assert.Equal((second.Id, 2, "billed at ERP 12.00", 12m, Now, Now.AddDays(1)),
            (item.Id, item.Occurrences, item.Message, item.AmountAtStake, item.RaisedAt, item.LastSeenAt));
        Assert.Equal([WorkItemAction.Raised], item.Notes.Select(n => n.Action));
    }

    [Fact]
    public async Task Raise_AfterResolution_OpensANewItemUnlessTheResolutionCoversAnUnchangedRepeat()
    {
        var failure = await RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "MfaRequired", WorkItemSubject.None, null, "consent again"));
        var alert = await RaiseAsync(Alert("s-1", "billed at ERP 10.00", 10m) with { ResolutionCoversRepeats = true });
        await using (var db = NewContext())
        {
            var result = await new WorkItemActions(db, _time).ResolveManyAsync([failure.Id, alert.Id], "consented again; ERP accepted", "ana", CancellationToken.None);
            Assert.Null(result.Invalid);
        }

        var failureAgain = await RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "MfaRequired", WorkItemSubject.None, null, "consent again"));
        var alertAgain = await RaiseAsync(Alert("s-1", "billed at ERP 10.00", 10m) with { ResolutionCoversRepeats = true });
        var alertChanged = await RaiseAsync(Alert("s-1", "billed at ERP 14.00", 14m) with { ResolutionCoversRepeats = true });

        Assert.NotEqual(failure.Id, failureAgain.Id);
        Assert.Equal(alert.Id, alertAgain.Id);
        Assert.NotEqual(alert.Id, alertChanged.Id);
        await using var check = NewContext();
        Assert.Equal([(failure.Id, WorkItemState.Resolved), (alert.Id, WorkItemState.Resolved), (failureAgain.Id, WorkItemState.Open), (alertChanged.Id, WorkItemState.Open)],
            (await check.WorkItems.OrderBy(i => i.Id).ToListAsync()).Select(i => (i.Id, i.State)));
    }

    [Fact]
    public async Task Workflow_AssignNoteResolveReopen_EachLeavesItsLineAndRefusalsChangeNothing()
    {
        var item = await RaiseAsync(Alert("s-1", "billed at ERP", 10m));
        await using var db = NewContext();
        var actions = new WorkItemActions(db, _time);

        Assert.Equal("resolution is required: say what was done or why.", (await actions.ResolveAsync(item.Id, "  ", "ana", CancellationToken.None)).Invalid);
        Assert.Equal("No work item has id 999999.", (await actions.AssignAsync(999999, "ben", "ana", CancellationToken.None)).NotFound);
        Assert.Null((await actions.AssignAsync(item.Id, "ben", "ana", CancellationToken.None)).Invalid);
        Assert.Null((await actions.AddNoteAsync(item.Id, "asked sales for the price", "ben", CancellationToken.None)).Invalid);
        Assert.Null((await actions.ResolveAsync(item.Id, "rule added to the contract", "ben", CancellationToken.None)).Invalid);
        Assert.Equal($"work item {item.Id} is already resolved.", (await actions.ResolveAsync(item.Id, "again", "ben", CancellationToken.None)).Invalid);
        Assert.Null((await actions.ReopenAsync(item.Id, "the rule was for the wrong SKU", "ana", CancellationToken.None)).Invalid);
        Assert.Equal($"work item {item.Id} is already open.", (await actions.ReopenAsync(item.Id, "again", "ana", CancellationToken.None)).Invalid);

        await using var check = NewContext();
        var stored = await check.WorkItems.Include(i => i.Notes).SingleAsync();
        Assert.Equal((WorkItemState.Open, "ben", null, null), (stored.State, stored.AssignedTo, stored.ResolvedAt, stored.Resolution));
        Assert.Equal(
            [(WorkItemAction.Raised, "Prorata", "billed at ERP"), (WorkItemAction.Assigned, "ana", "assigned to ben"), (WorkItemAction.Note, "ben", "asked sales for the price"),
                (WorkItemAction.Resolved, "ben", "rule added to the contract"), (WorkItemAction.Reopened, "ana", "the rule was for the wrong SKU")],
            stored.Notes.OrderBy(n => n.Id).Select(n => (n.Action, n.Author, n.Text)));
    }

    [Fact]
    public async Task ResolveMany_OneAlreadyResolved_RefusedWholeNothingChanged()
    {
        var a = await RaiseAsync(Alert("s-1", "a", 1m));
        var b = await RaiseAsync(Alert("s-2", "b", 2m));
        await using (var db = NewContext())
        {
            await new WorkItemActions(db, _time).ResolveAsync(b.Id, "done", "ana", CancellationToken.None);
        }
        await using var again = NewContext();

        var result = await new WorkItemActions(again, _time).ResolveManyAsync([a.Id, b.Id], "bulk", "ana", CancellationToken.None);

        Assert.Equal($"work item(s) {b.Id} are already resolved; nothing was changed.", result.Invalid);
        await using var check = NewContext();
        Assert.Equal(WorkItemState.Open, (await check.WorkItems.SingleAsync(i => i.Id == a.Id)).State);
    }

    [Fact]
    public async Task List_FiltersAndPages_MoneyAtStakePerCurrencyOverEveryMatch()
    {
        for (var i = 1; i <= 5; i++)
        {
            await RaiseAsync(Alert($"s-{i}", $"usd {i}", 10m * i));
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        await RaiseAsync(Alert("e-1", "eur one", 7.5m) with { Currency = "EUR" });
        await RaiseAsync(new WorkItemDraft(WorkItemKind.SyncIssue, "Orphan", WorkItemSubject.PartnerCenterSubscription, "pc-1", "Orphan in Partner Center"));
        await using var db = NewContext();
        var search = new WorkItemSearch(db);

        var page = await search.ListAsync(new WorkItemFilter { Kind = WorkItemKind.BillingAlert, PageSize = 2, Page = 2 }, CancellationToken.None);
        var byText = await search.ListAsync(new WorkItemFilter { Text = "ORPHAN" }, CancellationToken.None);

        Assert.Equal((6, 2), (page.Total, page.Page));
        Assert.Equal(["usd 4", "usd 3"], page.Items.Select(i => i.Message));
        Assert.Equal([new MoneyAtStake("EUR", 7.5m, 1), new MoneyAtStake("USD", 150m, 5)], page.AtStake);
        Assert.Equal(6, page.PerKind[WorkItemKind.BillingAlert]);
        Assert.Equal("Orphan in Partner Center", Assert.Single(byText.Items).Message);
    }

    private static WorkItemDraft Alert(string subscription, string message, decimal amount) =>
        new(WorkItemKind.BillingAlert, "MissingPricingStrategy", WorkItemSubject.Subscription, subscription, message) { AmountAtStake = amount, Currency = "USD" };

    private async Task<WorkItem> RaiseAsync(WorkItemDraft draft)
    {
        await using var db = NewContext();
        var item = await new WorkItemRaiser(db, _time).RaiseAsync(draft, CancellationToken.None);
        await db.SaveChangesAsync();
        return item;
    }

    private ProrataDbContext NewContext() => new(ProrataDatabase.CreateOptions(ConnectionString));
}
